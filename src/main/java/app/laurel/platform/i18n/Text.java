package app.laurel.platform.i18n;

/**
 * A message key with its arguments, passed as an argument of another message so that it is translated in the
 * reader's language too: "第 3 行，手机：{validation.phone}" is one refusal whose parts are all in the bundles.
 */
public record Text(String key, Object... args) {
}
