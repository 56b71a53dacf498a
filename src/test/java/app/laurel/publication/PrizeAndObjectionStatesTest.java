package app.laurel.publication;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A prize is changed until it is paid and paid once; an objection is decided once. Plain JUnit, no server. */
class PrizeAndObjectionStatesTest {

    private static final Instant NOW = Instant.parse("2021-06-20T02:00:00Z");

    private static Prize prize() {
        return new Prize(null, new AwardLevel(null, "最美禁毒故事", 100_000), "AUTHOR", "张三");
    }

    @Test
    void anUnpaidPrizeTakesANewPayeeAndKeepsTheStoredAccountWhenLeftBlank() {
        Prize prize = prize();
        prize.payee("UNIT", " 西渡镇 ", "衡阳县农商银行", "6217 0000 1234 5678");
        assertEquals("西渡镇", prize.getPayeeName());
        assertEquals("6217000012345678", prize.getAccountNo());
        prize.payee("AUTHOR", "李四", " ", null);
        assertEquals("衡阳县农商银行", prize.getBankName(), "a blank bank keeps the stored one");
        assertEquals("6217000012345678", prize.getAccountNo(), "a blank account keeps the stored one");
        assertFalse(prize.isPaid());
    }

    @Test
    void aPayeeIsRefusedFieldByField() {
        Prize prize = prize();
        assertEquals("validation.choice", key(assertThrows(InvalidInputException.class, () -> prize.payee("BANK", "李四", null, null))));
        assertEquals("validation.length", key(assertThrows(InvalidInputException.class, () -> prize.payee("AUTHOR", " ", null, null))));
        assertEquals("prize.accountNo", key(assertThrows(InvalidInputException.class, () -> prize.payee("AUTHOR", "李四", null, "62-17"))));
        assertEquals("validation.length", key(assertThrows(InvalidInputException.class,
                () -> prize.payee("AUTHOR", "李四", "银".repeat(101), null))));
    }

    @Test
    void aPrizeIsPaidOnceWithADateAndAReferenceAndThenNothingChanges() {
        Prize prize = prize();
        assertEquals("validation.required", key(assertThrows(InvalidInputException.class, () -> prize.markPaid(null, "转账 001"))));
        assertEquals("validation.length", key(assertThrows(InvalidInputException.class,
                () -> prize.markPaid(LocalDate.parse("2021-07-01"), " "))));
        assertFalse(prize.isPaid(), "a refused payment leaves the prize unpaid");

        prize.markPaid(LocalDate.parse("2021-07-01"), " 转账 001 ");
        assertTrue(prize.isPaid());
        assertEquals("PAID", prize.getStatus());
        assertEquals("转账 001", prize.getReference());
        assertEquals("prize.paid", key(assertThrows(LaurelException.class,
                () -> prize.markPaid(LocalDate.parse("2021-07-02"), "转账 002"))));
        assertEquals("prize.paid", key(assertThrows(LaurelException.class, () -> prize.payee("AUTHOR", "王五", null, null))));
        assertEquals("转账 001", prize.getReference());
        assertEquals("张三", prize.getPayeeName());
    }

    private static Objection objection() {
        return new Objection(null, null, "HY2021-0001", new ObjectionForm("王五", "13800000000", null, "HY2021-0001",
                "该作品与网上文章雷同"), "198.51.100.7", List.of(), NOW);
    }

    @Test
    void aReceivedObjectionIsUpheldOrDismissedOnce() {
        Objection upheld = objection();
        assertEquals(ObjectionStatus.RECEIVED, upheld.getStatus());
        upheld.decide(ObjectionStatus.UPHELD, "核实雷同", "取消该作品资格", "organiser", NOW.plusSeconds(60));
        assertEquals(ObjectionStatus.UPHELD, upheld.getStatus());
        assertEquals("organiser", upheld.getDecidedBy());
        assertEquals(NOW.plusSeconds(60), upheld.getDecidedAt());

        Objection dismissed = objection();
        dismissed.decide(ObjectionStatus.DISMISSED, "经查为原创", "经核实，作品为原创", "organiser", NOW);
        assertEquals(ObjectionStatus.DISMISSED, dismissed.getStatus());
    }

    @Test
    void aDecidedObjectionIsNotDecidedAgain() {
        Objection objection = objection();
        objection.decide(ObjectionStatus.DISMISSED, "经查为原创", "经核实，作品为原创", "organiser", NOW);
        LaurelException again = assertThrows(LaurelException.class,
                () -> objection.decide(ObjectionStatus.UPHELD, "改判", "取消资格", "other", NOW.plusSeconds(5)));
        assertEquals("objection.decided", again.messageKey());
        assertEquals(ObjectionStatus.DISMISSED, objection.getStatus());
        assertEquals("经核实，作品为原创", objection.getReply());
        assertEquals("organiser", objection.getDecidedBy());
    }

    /** The key a user's message is made from: a field's for invalid input, the refusal's own otherwise. */
    static String key(LaurelException refusal) {
        return refusal instanceof InvalidInputException invalid ? invalid.errors().get(0).messageKey() : refusal.messageKey();
    }
}
