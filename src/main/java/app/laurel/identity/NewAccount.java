package app.laurel.identity;

/**
 * What an organiser fills in to create a unit administrator's or a judge's account. {@code unitName} names the
 * unit (created if new, with {@code unitType}); a judge may name the unit they work in, which later marks conflicts.
 */
public record NewAccount(AccountDetails details, Role role, String unitName, UnitType unitType, String initialPassword) {
}
