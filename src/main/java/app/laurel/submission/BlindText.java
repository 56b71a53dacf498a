package app.laurel.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a blind reader (a judge) must not read in an entry, and the blacking out of it: every character of a
 * hidden term becomes ■, so the sentence keeps its shape. Beyond the literal terms (names, units, phone, e-mail,
 * the organiser's own), the author's name is looked for as people actually write it: the given name alone
 * ("我叫小明" for 测试员王小明), spaced ("王 小 明", full-width spaces, dots), in pinyin in either order and any case
 * ("Xiaoming Wang", "wangxiaoming") and by the e-mail's local part. A part too short to black out without
 * destroying the text (a one-character given name) is not hidden but makes {@link #mayRevealAuthor} true, so the
 * organiser is warned instead of the text being guessed at.
 */
public final class BlindText {

    /** What may stand between the characters of a name written spaced out: spaces of any width, dots, dashes. */
    private static final String SEPARATOR = "[\\s\\u3000\\u00A0\\u200B·•・_\\-—.*/|]{0,3}";
    private static final String PINYIN_SEPARATOR = "[\\s\\u3000\\u00A0\\-_.'’·]{0,2}";
    private static final String NOT_AFTER_WORD = "(?<![A-Za-z0-9])";
    private static final String NOT_BEFORE_WORD = "(?![A-Za-z0-9])";
    /** Words that introduce a name in a story: a single given-name character right after one is suspicious. */
    private static final String NAME_CUES = "(?:叫|名|阿|小|老|我是)";
    private static final char HIDDEN = '■';

    private final List<Pattern> hidden;
    private final List<Pattern> suspicious;

    private BlindText(List<Pattern> hidden, List<Pattern> suspicious) {
        this.hidden = hidden;
        this.suspicious = suspicious;
    }

    /** Literal terms only (longer first, so that "城关镇派出所" goes whole before "城关镇"); terms under 2 characters are ignored. */
    public static BlindText of(Collection<String> terms) {
        return new Builder().terms(terms).build();
    }

    /**
     * What judges must not read of this entry: the author (name, organisation, phone), the submitting account
     * (name, username, phone, e-mail), their units, what the organiser redacted, and the forms of both names.
     */
    public static BlindText forJudges(Entry entry) {
        Builder builder = new Builder().terms(entry.getRedactions());
        if (entry.getAuthor() != null) {
            builder.terms(List.of(nullToEmpty(entry.getAuthor().getOrganisation()), nullToEmpty(entry.getAuthor().getPhone())))
                    .person(entry.getAuthor().getName());
        }
        builder.terms(List.of(nullToEmpty(entry.getOwner().getUsername()), nullToEmpty(entry.getOwner().getPhone())))
                .person(entry.getOwner().getDisplayName()).email(entry.getOwner().getEmail());
        if (entry.getUnit() != null) {
            builder.terms(List.of(entry.getUnit().getName()));
        }
        if (entry.getTownship() != null) {
            builder.terms(List.of(entry.getTownship().getName()));
        }
        return builder.build();
    }

    /**
     * The text of an HTML fragment with the terms blacked out. Tags and attributes are left alone (the sanitised
     * story HTML carries no names there, and a term inside a tag would break the markup).
     */
    public String html(String html) {
        if (html == null || hidden.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder();
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (tag.find()) {
            out.append(hideEscaped(html.substring(at, tag.start()))).append(tag.group());
            at = tag.end();
        }
        return out.append(hideEscaped(html.substring(at))).toString();
    }

    /** Plain text with the terms blacked out, of the same length character for character (for text split in runs). */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Pattern pattern : hidden) {
            Matcher m = pattern.matcher(new String(chars));
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    if (!Character.isWhitespace(chars[i])) {
                        chars[i] = HIDDEN;
                    }
                }
            }
        }
        return new String(chars);
    }

    /** Whether the text, once blacked out, still seems to name the author by a part too short to hide. */
    public boolean mayRevealAuthor(String text) {
        if (text == null || suspicious.isEmpty()) {
            return false;
        }
        String rest = text(text);
        return suspicious.stream().anyMatch(p -> p.matcher(rest).find());
    }

    /** Changes whenever what is hidden changes: names a cached blacked-out copy. */
    public String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Pattern p : hidden) {
                sha.update(p.pattern().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");

    /**
     * Decodes the text between tags (the sanitiser writes much punctuation, such as "，" and "（", as numeric
     * entities), blacks out the terms, and escapes it again, so a term matches however its characters were stored.
     */
    private String hideEscaped(String escaped) {
        String decoded = decode(escaped);
        String result = text(decoded);
        return result.equals(decoded) ? escaped : result.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String decoded = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                default -> new String(Character.toChars(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Collects literal terms and name forms; literal terms go longest first, then the pinyin forms, longest first. */
    private static final class Builder {
        private final List<String> literal = new ArrayList<>();
        private final List<String> pinyin = new ArrayList<>();
        private final List<Pattern> suspicious = new ArrayList<>();

        Builder terms(Collection<String> terms) {
            terms.stream().filter(Objects::nonNull).map(String::strip).filter(t -> t.length() >= 2).forEach(literal::add);
            return this;
        }

        Builder person(String registered) {
            if (registered == null || registered.isBlank()) {
                return this;
            }
            literal.add(registered.strip());
            Optional<PersonName> name = PersonName.parse(registered);
            if (name.isEmpty()) {
                return this;
            }
            PersonName person = name.get();
            literal.add(person.full());
            List<Set<String>> surname = PersonName.syllables(person.surname());
            List<Set<String>> given = PersonName.syllables(person.given());
            if (!surname.isEmpty() && !given.isEmpty()) {
                pinyin.add(pinyin(concat(surname, given)));
                pinyin.add(pinyin(concat(given, surname)));
            }
            if (person.given().length() >= 2) {
                literal.add(person.given());
                if (!given.isEmpty()) {
                    pinyin.add(pinyin(given));
                }
            } else {
                suspicious.add(Pattern.compile(NAME_CUES + SEPARATOR + Pattern.quote(person.given())));
                if (!given.isEmpty()) {
                    suspicious.add(Pattern.compile(pinyin(given), Pattern.CASE_INSENSITIVE));
                }
            }
            return this;
        }

        Builder email(String email) {
            if (email == null || email.isBlank()) {
                return this;
            }
            literal.add(email.strip());
            String local = email.strip().contains("@") ? email.strip().substring(0, email.strip().indexOf('@')) : "";
            if (local.length() >= 3) {
                literal.add(local);
            } else if (!local.isEmpty()) {
                suspicious.add(Pattern.compile(literalRegex(local), Pattern.CASE_INSENSITIVE));
            }
            return this;
        }

        BlindText build() {
            List<Pattern> patterns = new ArrayList<>();
            literal.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                    .forEach(t -> patterns.add(Pattern.compile(literalRegex(t), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            pinyin.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                    .forEach(p -> patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE)));
            return new BlindText(List.copyOf(patterns), List.copyOf(suspicious));
        }

        private static List<Set<String>> concat(List<Set<String>> a, List<Set<String>> b) {
            List<Set<String>> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        /**
         * A term as typed, except that Chinese characters may be spaced out and Latin letters match in any case;
         * a term that begins or ends with a letter or digit matches only as a whole word ("li" not in "likely").
         */
        private static String literalRegex(String term) {
            StringBuilder re = new StringBuilder();
            int[] cps = term.codePoints().toArray();
            if (isWordChar(cps[0])) {
                re.append(NOT_AFTER_WORD);
            }
            for (int i = 0; i < cps.length; i++) {
                if (i > 0 && PersonName.isHan(cps[i - 1]) && PersonName.isHan(cps[i])) {
                    re.append(SEPARATOR);
                }
                re.append(Pattern.quote(new String(Character.toChars(cps[i]))));
            }
            if (isWordChar(cps[cps.length - 1])) {
                re.append(NOT_BEFORE_WORD);
            }
            return re.toString();
        }

        /** Syllables with any of their readings, optionally apart ("Xiao-ming", "xiao ming"), as a whole word. */
        private static String pinyin(List<Set<String>> syllables) {
            return syllables.stream().map(readings -> readings.stream().map(r -> r.replace("v", "(?:v|u|yu|ü)"))
                            .collect(Collectors.joining("|", "(?:", ")")))
                    .collect(Collectors.joining(PINYIN_SEPARATOR, NOT_AFTER_WORD, NOT_BEFORE_WORD));
        }

        private static boolean isWordChar(int c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }
    }
}
