package app.laurel.identity.api;

import app.laurel.identity.Account;
import app.laurel.identity.Role;

import java.time.Instant;
import java.util.List;

/** An account as the API shows it: never the password hash, never the throttle counters; the unit by name and id. */
public record AccountJson(long id, String username, String displayName, String phone, String email,
                          List<String> roles, String unit, Long unitId, Instant createdAt) {

    public static AccountJson of(Account account) {
        return new AccountJson(account.getId(), account.getUsername(), account.getDisplayName(), account.getPhone(),
                account.getEmail(), account.getRoles().stream().map(Role::name).sorted().toList(),
                account.getUnit() == null ? null : account.getUnit().getName(),
                account.getUnit() == null ? null : account.getUnit().getId(), account.getCreatedAt());
    }
}
