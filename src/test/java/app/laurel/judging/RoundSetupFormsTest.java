package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.identity.AccountDetails;
import app.laurel.identity.Role;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traps of the round set-up form, as rules: 评选数量 of 102 for three entries is refused at the field, left out
 * it is ten or every entry when fewer; a rubric with no primary criterion is refused at the primary field; judges
 * are listed as a Chinese reader expects. Plain JUnit.
 */
class RoundSetupFormsTest {

    private static RoundRules selecting(Integer count) {
        return new RoundRules("初评", AssignmentMode.ALL, null, null, null, null, count, null);
    }

    @Test
    void aNumberToSelectAboveTheRoundsEntriesIsRefusedBesideTheField() {
        Optional<FieldError> refusal = selecting(102).selectCountRefusal(3);
        assertTrue(refusal.isPresent());
        assertEquals("selectCount", refusal.get().field());
        assertEquals("judging.round.selectCount", refusal.get().messageKey());
        assertEquals(List.of(3), List.of(refusal.get().args()));
        assertTrue(selecting(0).selectCountRefusal(3).isPresent(), "nothing selected is no result");
        assertTrue(selecting(3).selectCountRefusal(3).isEmpty(), "all of them may be selected");
        assertTrue(selecting(null).selectCountRefusal(3).isEmpty(), "left out, it takes its default");
    }

    @Test
    void leftOutItSelectsTenOrEveryEntryWhenThereAreFewer() {
        assertEquals(3, selecting(null).withDefaults(3).selectCount());
        assertEquals(RoundRules.DEFAULT_SELECT, selecting(null).withDefaults(42).selectCount());
        assertEquals(5, selecting(5).withDefaults(42).selectCount());
        assertEquals(102, selecting(102).withDefaults(3).selectCount(), "a given number is kept, to be refused");
    }

    @Test
    void aRubricWithoutItsPrimaryCriterionIsRefusedAtThePrimaryField() {
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> Rubric.checked(() -> List.of(
                new Criterion("思想性", 30, false), new Criterion("真实性", 70, false))));
        assertEquals("primary", none.errors().get(0).field());
        assertEquals("judging.round.primary", none.errors().get(0).messageKey());
        InvalidInputException blank = assertThrows(InvalidInputException.class, () -> Rubric.checked(() -> List.of(
                Criterion.typed("", null, 30, true))));
        assertEquals("criteria", blank.errors().get(0).field(), "other rubric faults stay with the criteria");
        assertEquals("真实性", Rubric.checked(() -> List.of(new Criterion("思想性", 30, false), new Criterion("真实性", 70, true)))
                .primary().name());
    }

    @Test
    void judgesAreListedByNameInPinyinOrderThenByUsername() {
        List<Account> judges = List.of(judge("wang", "王芳"), judge("li2", "李明"), judge("chen", "陈静"), judge("li1", "李明"),
                judge("zhao", "赵强"));
        assertEquals(List.of("chen", "li1", "li2", "wang", "zhao"),
                judges.stream().sorted(RoundService.panelOrder()).map(Account::getUsername).toList());
    }

    private static Account judge(String username, String name) {
        return new Account(new AccountDetails(username, name, null, null), "x", Set.of(Role.JUDGE), null, Instant.EPOCH);
    }
}
