package app.laurel.publication;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Whether a seal image will let the issuer's name show through. The certificate prints the seal over the issuer,
 * as a stamp is; a seal scanned or exported without transparency prints as a white (or coloured) square that
 * covers the name. A seal's background is what lies along the image's edge, so the rule is: when more than half of
 * the edge pixels are opaque (alpha 128 or more, which is every pixel of an image without an alpha channel), the
 * seal will cover what is under it. Decided from the pixels, not from the file's colour type, since a PNG with an
 * alpha channel may still be opaque everywhere.
 */
public final class SealImage {

    private static final int OPAQUE_ALPHA = 128;

    /** What the seal will do on the certificate. */
    public enum Verdict { TRANSPARENT_BACKGROUND, OPAQUE_BACKGROUND, NOT_AN_IMAGE }

    private SealImage() {
    }

    public static Verdict check(byte[] image) {
        BufferedImage read;
        try {
            read = image == null ? null : ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            read = null;
        }
        if (read == null) {
            return Verdict.NOT_AN_IMAGE;
        }
        return opaqueEdgeShare(read) * 2 > 1 ? Verdict.OPAQUE_BACKGROUND : Verdict.TRANSPARENT_BACKGROUND;
    }

    /** The share of the outermost ring of pixels that is opaque. */
    static double opaqueEdgeShare(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        long opaque = 0;
        long edge = 0;
        for (int x = 0; x < w; x++) {
            for (int y : h == 1 ? new int[]{0} : new int[]{0, h - 1}) {
                edge++;
                opaque += alpha(image, x, y) >= OPAQUE_ALPHA ? 1 : 0;
            }
        }
        for (int y = 1; y < h - 1; y++) {
            for (int x : w == 1 ? new int[]{0} : new int[]{0, w - 1}) {
                edge++;
                opaque += alpha(image, x, y) >= OPAQUE_ALPHA ? 1 : 0;
            }
        }
        return edge == 0 ? 0 : (double) opaque / edge;
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
