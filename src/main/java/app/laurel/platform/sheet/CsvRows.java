package app.laurel.platform.sheet;

import app.laurel.platform.error.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file into rows of cells with Apache Commons CSV in its Excel format (RFC 4180 as Excel writes and reads
 * it: quoted cells may hold commas, doubled quotes and line breaks; text after a closing quote is kept and an unclosed
 * quote runs to the end of the file, as in Excel, so the rows then say what is missing). Excel on Chinese Windows saves "CSV" in GBK and "CSV UTF-8" with a byte
 * order mark: bytes that are valid UTF-8 (after any BOM) are read as UTF-8, any others as GB18030, which contains GBK.
 */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<String[]> read(byte[] content) {
        return parse(decode(content));
    }

    public static List<String[]> parse(String text) {
        List<String[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.EXCEL)) {
            for (CSVRecord record : parser) {
                rows.add(record.values());
            }
        } catch (IOException | UncheckedIOException e) {
            // Not expected from text in memory: the Excel format reads a stray or unclosed quote as Excel does.
            throw InvalidInputException.of("file", "campaign.import.unreadable");
        }
        return rows;
    }

    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("GB18030"));
        }
    }
}
