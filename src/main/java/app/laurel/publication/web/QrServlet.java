package app.laurel.publication.web;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import app.laurel.platform.web.ServletAnswers;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /qr/notice/{code}.png}: the QR code of a notice's short link, shown on the notice so that a printed copy
 * on a noticeboard leads a phone straight to it. Drawn for any well-formed code (it only encodes a URL).
 */
@WebServlet(urlPatterns = "/qr/*")
public class QrServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NOTICE = Pattern.compile("/notice/([0-9a-z]{4,12})\\.png");

    @Inject
    private LaurelConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher notice = ServletAnswers.path(request, NOTICE);
        if (!notice.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String url = PublicUrl.of(request, config) + "/n/" + notice.group(1);
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "public, max-age=86400");
        ImageIO.write(image, "png", response.getOutputStream());
    }
}
