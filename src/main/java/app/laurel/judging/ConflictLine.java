package app.laurel.judging;

import java.time.Instant;

/**
 * A recorded conflict as the round page and the API list it: the entry's title, the judge's username, why and by
 * whom. Read as these values in one statement; read as entities, each conflict's entry brought its files, owner,
 * owner's roles and unit one statement at a time (1,600 statements for the 397 conflicts of a provincial round).
 */
public record ConflictLine(String entryTitle, String judge, String reason, String declaredBy, Instant createdAt) {
}
