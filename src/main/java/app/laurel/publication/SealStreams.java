package app.laurel.publication;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A seal image as PDF streams, encoded once and copied into each certificate as bytes. Encoding a scanned seal (a
 * PNG with transparency: decode, split colour from alpha, deflate both) costs several times the rest of a
 * certificate, and a batch stamps the same seal on every one of its 10,000 PDFs. The few seals in use are kept,
 * the most recent first.
 */
final class SealStreams {

    private static final int KEPT = 8;

    /** One encoded stream: its dictionary (without Length) and its still-encoded bytes; the alpha mask likewise. */
    private record Encoded(COSDictionary dictionary, byte[] raw, Encoded mask) {
    }

    /** Stands for a seal whose image has streams of its own (an ICC profile): placed from its bytes each time. */
    private static final Encoded AS_IT_IS = new Encoded(new COSDictionary(), new byte[0], null);

    private static final Map<ByteBuffer, Encoded> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Encoded> eldest) {
            return size() > KEPT;
        }
    };

    private SealStreams() {
    }

    /**
     * The seal as an image of {@code document}.
     *
     * @throws IllegalArgumentException if the bytes are not an image PDFBox can place (as
     *                                  {@link PDImageXObject#createFromByteArray} refuses them)
     */
    static PDImageXObject image(PDDocument document, byte[] seal) throws IOException {
        ByteBuffer key = ByteBuffer.wrap(seal.clone());
        Encoded encoded;
        synchronized (CACHE) {
            encoded = CACHE.get(key);
        }
        if (encoded == null) {
            encoded = encode(seal);
            synchronized (CACHE) {
                CACHE.put(key, encoded);
            }
        }
        return encoded == AS_IT_IS ? PDImageXObject.createFromByteArray(document, seal, "seal")
                : new PDImageXObject(new PDStream(copy(document, encoded)), null);
    }

    private static Encoded encode(byte[] seal) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(scratch, seal, "seal");
            return encoded(image.getCOSObject());
        } catch (Unsupported e) {
            return AS_IT_IS;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Encoded encoded(COSStream stream) throws IOException {
        COSDictionary dictionary = new COSDictionary();
        Encoded mask = null;
        for (Map.Entry<COSName, COSBase> item : stream.entrySet()) {
            COSName name = item.getKey();
            if (COSName.LENGTH.equals(name)) {
                continue;
            }
            if (COSName.SMASK.equals(name)) {
                mask = encoded((COSStream) stream.getDictionaryObject(COSName.SMASK));
                continue;
            }
            dictionary.setItem(name, plain(stream.getDictionaryObject(name)));
        }
        byte[] raw;
        try (var in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        return new Encoded(dictionary, raw, mask);
    }

    /** A copy holding no reference into the scratch document: names, numbers, and arrays or dictionaries of them. */
    private static COSBase plain(COSBase value) {
        if (value instanceof COSStream) {
            throw new Unsupported();
        }
        if (value instanceof COSDictionary dictionary) {
            COSDictionary copy = new COSDictionary();
            for (Map.Entry<COSName, COSBase> item : dictionary.entrySet()) {
                copy.setItem(item.getKey(), plain(dictionary.getDictionaryObject(item.getKey())));
            }
            return copy;
        }
        if (value instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (int i = 0; i < array.size(); i++) {
                copy.add(plain(array.getObject(i)));
            }
            return copy;
        }
        return value;
    }

    private static COSStream copy(PDDocument document, Encoded encoded) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        for (Map.Entry<COSName, COSBase> item : encoded.dictionary().entrySet()) {
            stream.setItem(item.getKey(), plain(item.getValue()));
        }
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(encoded.raw());
        }
        if (encoded.mask() != null) {
            stream.setItem(COSName.SMASK, copy(document, encoded.mask()));
        }
        return stream;
    }
}
