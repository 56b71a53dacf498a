package app.laurel.submission;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names inside the ZIP of a contest's files. Unit names and file names are what people typed, so each becomes one
 * harmless path segment: no separator, no "..", nothing Windows refuses (reserved characters and device names, a
 * trailing dot or space), no leading dot that hides a file, not longer than a file system takes. Within one folder a
 * name is given once, without regard to case (Windows and macOS do not tell 照片.PNG from 照片.png): the second
 * becomes "照片 (2).png". One instance per folder.
 */
public final class ZipPaths {

    /** Characters Windows forbids in a name, the separators of every system, and control characters. */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    /** Characters, not bytes: a Chinese name of 80 characters is 240 bytes in UTF-8, under the common 255. */
    static final int MAX_LENGTH = 80;

    private final Set<String> taken = new HashSet<>();

    /** {@code name} made safe and unique in this folder. */
    public String unique(String name) {
        String safe = segment(name);
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        String candidate = safe;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + extension;
        }
        return candidate;
    }

    /** One path segment that names nothing but itself; "_" when nothing usable is left. */
    public static String segment(String name) {
        String safe = UNSAFE.matcher(name == null ? "" : name).replaceAll("_").strip();
        safe = safe.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (safe.isEmpty()) {
            return "_";
        }
        if (RESERVED.matcher(safe).matches()) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX_LENGTH) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            int end = MAX_LENGTH - extension.length();
            end = Character.isHighSurrogate(safe.charAt(end - 1)) ? end - 1 : end; // never half a character
            safe = safe.substring(0, end).strip() + extension;
        }
        return safe;
    }
}
