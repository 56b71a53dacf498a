package app.laurel.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A dated correction (更正) shown on the public notice, e.g. after an upheld objection. Never edited. */
@Entity
@Table(name = "notice_correction")
public class NoticeCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "notice_id")
    private Notice notice;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String text;

    protected NoticeCorrection() {
    }

    NoticeCorrection(Notice notice, String text, Instant now) {
        this.notice = notice;
        this.text = text;
        this.createdAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getText() {
        return text;
    }
}
