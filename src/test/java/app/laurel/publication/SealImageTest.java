package app.laurel.publication;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A seal scanned on white covers the issuer; one cut out on transparency does not; a non-image is said to be one. */
class SealImageTest {

    @Test
    void aSealOnAnOpaqueBackgroundIsToldApartFromATransparentOne() throws IOException {
        assertEquals(SealImage.Verdict.OPAQUE_BACKGROUND, SealImage.check(seal(BufferedImage.TYPE_INT_RGB, Color.WHITE)));
        assertEquals(SealImage.Verdict.OPAQUE_BACKGROUND, SealImage.check(seal(BufferedImage.TYPE_INT_ARGB, Color.WHITE)),
                "an alpha channel that is opaque everywhere still covers");
        assertEquals(SealImage.Verdict.TRANSPARENT_BACKGROUND, SealImage.check(seal(BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 0, 0))));
        assertEquals(SealImage.Verdict.NOT_AN_IMAGE, SealImage.check("not a picture".getBytes()));
        assertEquals(SealImage.Verdict.NOT_AN_IMAGE, SealImage.check(null));
    }

    /** A red ring on the given background, as a PNG. */
    static byte[] seal(int type, Color background) throws IOException {
        BufferedImage image = new BufferedImage(120, 120, type);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(background);
        g.fillRect(0, 0, 120, 120);
        g.setColor(new Color(200, 20, 20));
        g.fillOval(10, 10, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
