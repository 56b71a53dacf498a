package app.laurel.identity;

import java.util.Set;
import java.util.stream.Collectors;

/** Who a bearer token stands for: enough for the container to log them in for one request. */
public record Caller(String username, Set<Role> roles) {

    public Set<String> groups() {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }
}
