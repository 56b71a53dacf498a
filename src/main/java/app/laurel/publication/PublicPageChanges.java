package app.laurel.publication;

import app.laurel.contest.ContestChanged;
import app.laurel.platform.cache.PublicCache;
import app.laurel.submission.EntryScreened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Empties the public pages' cache after every committed change that one of them shows: a notice published,
 * corrected (by hand, or by an upheld objection) or finalised; a story published in or taken down from the column,
 * or an entry's screening changed (an entry no longer accepted leaves the column); a certificate issued or revoked
 * (verification); a contest created or edited (home and contest pages). After the commit, so that a reader who
 * fills the cache again reads the change.
 */
@ApplicationScoped
public class PublicPageChanges {

    @Inject
    private PublicCache cache;

    void noticePublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticePublished event) {
        cache.changed(event.toString());
    }

    void noticeCorrected(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeCorrected event) {
        cache.changed(event.toString());
    }

    void noticeFinalised(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeFinalised event) {
        cache.changed(event.toString());
    }

    void objectionDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ObjectionDecided event) {
        cache.changed(event.toString());
    }

    void columnChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ColumnChanged event) {
        cache.changed(event.toString());
    }

    void entryScreened(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryScreened event) {
        cache.changed(event.toString());
    }

    void certificateIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateIssued event) {
        cache.changed(event.toString());
    }

    void certificateRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
        cache.changed(event.toString());
    }

    void contestChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContestChanged event) {
        cache.changed(event.toString());
    }
}
