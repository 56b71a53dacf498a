package app.laurel.publication.web;

import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.AwardLevel;
import app.laurel.publication.Prize;
import app.laurel.publication.PrizeService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /organiser/prizes.xhtml?contest=HY2021}: award levels, a prize for every winner, payees with their bank
 * details (masked in the list), payments recorded, and the Excel list for finance.
 */
@Named
@ViewScoped
public class PrizesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private app.laurel.contest.ContestService contests;

    @Inject
    private PrizeService prizes;

    private String contestCode;
    private String levelName;
    private BigDecimal levelAmount;
    private Long levelId;
    private Long prizeId;
    private String payeeType = "AUTHOR";
    private String payeeName;
    private String bank;
    private String account;
    private LocalDate paidOn;
    private String reference;
    private transient List<Prize> list;
    private transient List<AwardLevel> levels;

    public void addLevel() {
        act(() -> prizes.addLevel(contestCode, levelName, levelAmount), "prize.levelAdded");
    }

    public void award() {
        act(() -> prizes.award(contestCode, levelId == null ? -1 : levelId), "prize.awarded");
    }

    /** Picks a prize from the list to edit its payee or record its payment. */
    public void select(Prize prize) {
        prizeId = prize.getId();
        payeeType = prize.getPayeeType();
        payeeName = prize.getPayeeName();
        bank = null;
        account = null;
    }

    public void savePayee() {
        act(() -> prizes.payee(prizeId == null ? -1 : prizeId, payeeType, payeeName, bank, account, null), "prize.payeeSaved");
    }

    public void markPaid() {
        act(() -> prizes.markPaid(prizeId == null ? -1 : prizeId, paidOn, reference), "prize.paidMessage");
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        FacesFeedback.info(doneKey);
        list = null;
        levels = null;
    }

    public List<Prize> getList() {
        if (list == null) {
            list = prizes.prizes(contestCode);
        }
        return list;
    }

    public List<AwardLevel> getLevels() {
        if (levels == null) {
            levels = prizes.levels(contestCode);
        }
        return levels;
    }

    /** An unknown contest in the address is "not found", not an error page. */
    public void load() {
        NotFound.unless(() -> contests.byCode(contestCode));
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public String getLevelName() {
        return levelName;
    }

    public void setLevelName(String levelName) {
        this.levelName = levelName;
    }

    public BigDecimal getLevelAmount() {
        return levelAmount;
    }

    public void setLevelAmount(BigDecimal levelAmount) {
        this.levelAmount = levelAmount;
    }

    public Long getLevelId() {
        return levelId;
    }

    public void setLevelId(Long levelId) {
        this.levelId = levelId;
    }

    public Long getPrizeId() {
        return prizeId;
    }

    public String getPayeeType() {
        return payeeType;
    }

    public void setPayeeType(String payeeType) {
        this.payeeType = payeeType;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public void setPayeeName(String payeeName) {
        this.payeeName = payeeName;
    }

    public String getBank() {
        return bank;
    }

    public void setBank(String bank) {
        this.bank = bank;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
