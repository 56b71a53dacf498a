package app.laurel.publication;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.submission.Entry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/**
 * The prize money for one winning entry: its award level, who is paid (the author or the unit that submitted it),
 * the payee's bank details (organisers only, masked in lists) and whether finance has paid it, when, under which
 * reference.
 */
@Entity
@Table(name = "prize")
public class Prize {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @ManyToOne(optional = false)
    @JoinColumn(name = "award_level_id")
    private AwardLevel level;

    /** AUTHOR or UNIT. */
    @Column(name = "payee_type", nullable = false, length = 6)
    private String payeeType;

    @Column(name = "payee_name", nullable = false, length = 100)
    private String payeeName;

    @Column(name = "bank_name", length = 100)
    private String bankName;

    @Column(name = "account_no", length = 40)
    private String accountNo;

    /** PENDING or PAID. */
    @Column(nullable = false, length = 8)
    private String status = "PENDING";

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(length = 100)
    private String reference;

    @Version
    private long version;

    protected Prize() {
    }

    Prize(Entry entry, AwardLevel level, String payeeType, String payeeName) {
        this.entry = entry;
        this.level = level;
        this.payeeType = payeeType;
        this.payeeName = payeeName;
    }

    /** The payee and where to pay; only until it is paid. */
    void payee(String type, String name, String bank, String account) {
        if (isPaid()) {
            throw LaurelException.conflict("prize.paid");
        }
        if (!"AUTHOR".equals(type) && !"UNIT".equals(type)) {
            throw InvalidInputException.of("payeeType", "validation.choice");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw InvalidInputException.of("payeeName", "validation.length", 1, 100);
        }
        if (account != null && !account.isBlank() && !account.strip().matches("[0-9 ]{8,40}")) {
            throw InvalidInputException.of("accountNo", "prize.accountNo");
        }
        this.payeeType = type;
        this.payeeName = name.strip();
        if (bank != null && bank.strip().length() > 100) {
            throw InvalidInputException.of("bank", "validation.length", 0, 100);
        }
        // Left blank, bank and account keep what is stored: the page never shows the full number to edit.
        if (bank != null && !bank.isBlank()) {
            this.bankName = bank.strip();
        }
        if (account != null && !account.isBlank()) {
            this.accountNo = account.replace(" ", "");
        }
    }

    void markPaid(LocalDate on, String reference) {
        if (isPaid()) {
            throw LaurelException.conflict("prize.paid");
        }
        if (on == null) {
            throw InvalidInputException.of("paidOn", "validation.required");
        }
        if (reference == null || reference.isBlank() || reference.strip().length() > 100) {
            throw InvalidInputException.of("reference", "validation.length", 1, 100);
        }
        this.status = "PAID";
        this.paidOn = on;
        this.reference = reference.strip();
    }

    public boolean isPaid() {
        return "PAID".equals(status);
    }

    /** The account number as lists show it: the last four digits only. */
    public String getMaskedAccount() {
        if (accountNo == null) {
            return null;
        }
        return "•••• " + accountNo.substring(Math.max(0, accountNo.length() - 4));
    }

    public Long getId() {
        return id;
    }

    public Entry getEntry() {
        return entry;
    }

    public AwardLevel getLevel() {
        return level;
    }

    public String getPayeeType() {
        return payeeType;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public String getBankName() {
        return bankName;
    }

    public String getAccountNo() {
        return accountNo;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getReference() {
        return reference;
    }

    public long getVersion() {
        return version;
    }
}
