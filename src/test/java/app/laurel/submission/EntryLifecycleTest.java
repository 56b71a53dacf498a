package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.EntryType;
import app.laurel.identity.Account;
import app.laurel.identity.AccountDetails;
import app.laurel.identity.Role;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntryLifecycleTest {

    private static final Instant NOW = Instant.parse("2021-06-05T02:00:00Z");

    private static Entry draft() {
        Contest contest = new Contest("HY2021", "讲述身边的禁毒故事", null, null, NOW);
        Account owner = new Account(AccountDetails.normalised("li", "李", "13812345678", null), "h", EnumSet.of(Role.PUBLIC), null, NOW);
        return new Entry(contest, EntryType.STORY, owner, null, NOW);
    }

    @Test
    void submitGivesTheReceiptOnceAndAReturnedEntryKeepsIt() {
        Entry entry = draft();
        entry.submit("HY2021-0007", NOW);
        assertEquals(EntryStatus.SUBMITTED, entry.getStatus());
        assertEquals("HY2021-0007", entry.getReceiptNo());

        entry.returnForCorrection("请补充人物事迹的具体时间", NOW.plusSeconds(60));
        assertEquals(EntryStatus.RETURNED, entry.getStatus());
        assertEquals("请补充人物事迹的具体时间", entry.getStatusReason());

        entry.submit("HY2021-0099", NOW.plusSeconds(120));
        assertEquals("HY2021-0007", entry.getReceiptNo(), "resubmission keeps the first receipt number");
        assertNull(entry.getStatusReason());
        assertEquals(NOW.plusSeconds(120), entry.getSubmittedAt());
    }

    @Test
    void anAcceptedEntryCannotBeEditedAndOnlySubmittedOnesAreScreened() {
        Entry entry = draft();
        assertThrows(LaurelException.class, () -> entry.accept(NOW), "a draft is not screened");
        entry.submit("HY2021-0001", NOW);
        entry.accept(NOW);
        LaurelException refused = assertThrows(LaurelException.class, () -> entry.revise(null, NOW));
        assertEquals("entry.notEditable", refused.messageKey(), "what judges score does not change under them");
        assertEquals(EntryStatus.ACCEPTED, entry.getStatus());
        assertThrows(LaurelException.class, () -> entry.withdraw(NOW), "an accepted entry stays");
        assertThrows(LaurelException.class, () -> entry.reject("迟了", NOW));
    }

    @Test
    void aCorrectionBeforeScreeningIsANewVersionUnderTheSameReceipt() {
        Entry entry = draft();
        EntryVersion first = entry.submit("HY2021-0005", NOW);
        assertEquals(1, first.getNumber());
        assertFalse(entry.isCorrected());

        entry.revise(new EntryContent(null, "改过的标题", null, null, null, null, true, true), NOW.plusSeconds(60));
        EntryVersion second = entry.submit("HY2021-0042", NOW.plusSeconds(60));
        assertEquals(2, second.getNumber());
        assertEquals("改过的标题", second.getTitle());
        assertEquals("HY2021-0005", entry.getReceiptNo(), "a correction keeps the receipt number");
        assertEquals(EntryStatus.SUBMITTED, entry.getStatus());
        assertTrue(entry.isCorrected());
    }

    @Test
    void returningOrRejectingNeedsAReason() {
        Entry entry = draft();
        entry.submit("HY2021-0001", NOW);
        assertThrows(InvalidInputException.class, () -> entry.returnForCorrection("  ", NOW));
        assertThrows(InvalidInputException.class, () -> entry.reject(null, NOW));
        entry.reject("与活动主题无关", NOW);
        assertEquals(EntryStatus.REJECTED, entry.getStatus());
    }

    @Test
    void ownerMayWithdrawUntilScreeningDecides() {
        Entry drafted = draft();
        drafted.withdraw(NOW);
        assertEquals(EntryStatus.WITHDRAWN, drafted.getStatus());
        Entry submitted = draft();
        submitted.submit("HY2021-0002", NOW);
        submitted.withdraw(NOW);
        assertEquals(EntryStatus.WITHDRAWN, submitted.getStatus());
        assertThrows(LaurelException.class, () -> submitted.submit("HY2021-0003", NOW), "a withdrawn entry is closed");
    }
}
