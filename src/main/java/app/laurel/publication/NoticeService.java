package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Roles;
import app.laurel.judging.FrozenRanking;
import app.laurel.judging.Round;
import app.laurel.judging.RoundEntry;
import app.laurel.judging.RoundStatus;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.persistence.Versions;
import app.laurel.platform.time.Clocks;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organiser's side of the public notice (公示): draft it from a closed round's selection, edit it while a
 * draft, publish it, and finalise it once its period is over by the server's clock, when the listed entries
 * become the winners. Reading a published notice is public.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class NoticeService {

    private static final String CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Versions versions;

    @Inject
    private ContestService contests;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<NoticePublished> published;

    @Inject
    private Event<NoticeCorrected> corrected;

    @Inject
    private Event<NoticeFinalised> finalised;

    public List<Notice> notices(String contestCode) {
        return em.createNamedQuery("Notice.byContest", Notice.class).setParameter("contest", contests.byCode(contestCode))
                .getResultList();
    }

    public Notice notice(long noticeId) {
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null) {
            throw LaurelException.notFound("notice.notFound");
        }
        return notice;
    }

    /**
     * A draft notice of what a closed round selected, in its frozen order, with the standard text (the period
     * from tomorrow 09:00 for seven days, Beijing time) for the organiser to adjust before publishing.
     */
    public Notice draft(long roundId) {
        Round round = em.find(Round.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        if (round.getStatus() != RoundStatus.CLOSED) {
            throw LaurelException.conflict("notice.roundNotClosed");
        }
        if (!em.createQuery("select n from Notice n where n.round = :round", Notice.class).setParameter("round", round)
                .getResultList().isEmpty()) {
            throw LaurelException.conflict("notice.exists");
        }
        // A round whose top N went on to a later round is not the result: its selection would become the winners.
        if (em.createQuery("select count(r) from Round r where r.sourceRound = :round", Long.class).setParameter("round", round)
                .getSingleResult() > 0) {
            throw LaurelException.conflict("notice.notFinalRound");
        }
        Contest contest = round.getContest();
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), Clocks.ZONE).plusDays(1);
        Instant starts = tomorrow.atTime(LocalTime.of(9, 0)).atZone(Clocks.ZONE).toInstant();
        Instant ends = tomorrow.plusDays(7).atTime(LocalTime.of(18, 0)).atZone(Clocks.ZONE).toInstant();
        String title = Messages.text(Messages.CHINESE, "notice.template.title", contest.getTitle());
        NoticeText text = new NoticeText(title.length() > 100 ? title.substring(0, 100) : title,
                Messages.text(Messages.CHINESE, "notice.template.body", contest.getTitle()), ListOrder.RANK, starts, ends,
                contact(contest));
        Notice notice = new Notice(contest, round, shortCode(), text);
        Map<String, RoundEntry> byCode = new HashMap<>();
        em.createQuery("select re from RoundEntry re where re.round = :round", RoundEntry.class).setParameter("round", round)
                .getResultList().forEach(re -> byCode.put(re.getCode(), re));
        for (FrozenRanking.Line line : FrozenRanking.read(round.getRankingJson())) {
            if (line.selected()) {
                notice.list(byCode.get(line.code()).getEntry(), line.code(), line.rank());
            }
        }
        em.persist(notice);
        audit.record(caller.name(), "NOTICE_DRAFTED", "round:" + roundId, notice.getShortCode());
        return notice;
    }

    /** Whom to object to: the contest's contact, else its organising body, else "the organising committee". */
    private static String contact(Contest contest) {
        for (String candidate : new String[]{contest.getContact(), contest.getOrganisingBody()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return Messages.text(Messages.CHINESE, "notice.template.contact");
    }

    /** Saves a draft's text made from version {@code expectedVersion} (null: unchecked); a stale one is refused. */
    public Notice edit(long noticeId, NoticeText text, Long expectedVersion) {
        Notice notice = current(noticeId, expectedVersion, text);
        notice.edit(text);
        audit.record(caller.name(), "NOTICE_EDITED", "notice:" + noticeId, null);
        versions.advance(notice, notice::getVersion);
        return notice;
    }

    /**
     * Publishes the notice with the text the organiser has in front of them (saved first, under the same rules as
     * {@link #edit}), or, without a text, as last saved: one transaction, so nothing older than the form goes out.
     */
    public Notice publish(long noticeId, NoticeText text, Long expectedVersion) {
        Notice notice = current(noticeId, expectedVersion, text);
        if (text == null) {
            notice.publish(clock.instant());
        } else {
            notice.publish(text, clock.instant());
            audit.record(caller.name(), "NOTICE_EDITED", "notice:" + noticeId, null);
        }
        audit.record(caller.name(), "NOTICE_PUBLISHED", "notice:" + noticeId, notice.getShortCode());
        published.fire(new NoticePublished(noticeId));
        versions.advance(notice, notice::getVersion);
        return notice;
    }

    /** A correction (更正) of a published notice, printed on it with its date, reason and what changed. */
    public Notice correct(long noticeId, CorrectionForm form, Long expectedVersion) {
        Notice notice = current(noticeId, expectedVersion, form == null ? null
                : new NoticeText(form.title(), form.body(), form.order(), null, form.endsAt(), form.contact()));
        NoticeCorrection correction = notice.correct(form, clock.instant());
        audit.record(caller.name(), "NOTICE_CORRECTED", "notice:" + noticeId, correction.getText());
        corrected.fire(new NoticeCorrected(noticeId));
        versions.advance(notice, notice::getVersion);
        return notice;
    }

    /** The period is over (server clock): the listed entries win, and the result is announced on the notice. */
    public Notice finalise(long noticeId) {
        Notice notice = locked(noticeId);
        long pending = em.createQuery("select count(o) from Objection o where o.notice = :notice and o.status = :received", Long.class)
                .setParameter("notice", notice).setParameter("received", ObjectionStatus.RECEIVED).getSingleResult();
        if (pending > 0) {
            throw LaurelException.conflict("notice.objectionsPending", pending);
        }
        Instant now = clock.instant();
        List<String> titles = notice.listed().stream().map(e -> "《" + e.getEntry().getTitle() + "》").toList();
        notice.finalise(Messages.text(Messages.CHINESE, "notice.template.result", notice.getContest().getTitle(),
                notice.listed().size(), String.join("、", titles)), now);
        notice.listed().forEach(e -> e.getEntry().win(now));
        audit.record(caller.name(), "NOTICE_FINALISED", "notice:" + noticeId, notice.listed().size() + " winners");
        finalised.fire(new NoticeFinalised(noticeId));
        return notice;
    }

    /** A published (or finalised) notice, as anyone may read it. */
    @PermitAll
    public Notice published(String shortCode) {
        Notice notice = em.createNamedQuery("Notice.byShortCode", Notice.class).setParameter("code", shortCode)
                .getResultStream().findFirst().orElse(null);
        if (notice == null || notice.getStatus() == NoticeStatus.DRAFT) {
            throw LaurelException.notFound("notice.notFound");
        }
        return notice;
    }

    /**
     * The public notice of each of these contests (the latest, if a contest has several), for the links on the home
     * page and the contest page: one query however many contests are listed.
     */
    @PermitAll
    public Map<Long, NoticeLink> publicLinks(java.util.Collection<Long> contestIds) {
        Map<Long, NoticeLink> links = new HashMap<>();
        if (!contestIds.isEmpty()) {
            em.createNamedQuery("Notice.linksOfContests", NoticeLink.class).setParameter("contests", contestIds)
                    .setParameter("draft", NoticeStatus.DRAFT).getResultList().forEach(link -> links.put(link.contestId(), link));
        }
        return links;
    }

    /** The notice locked for a change that the caller based on {@code expectedVersion}; refused if someone saved since. */
    private Notice current(long noticeId, Long expectedVersion, NoticeText given) {
        Notice notice = locked(noticeId);
        versions.expect(notice.getVersion(), expectedVersion, "notice:" + noticeId, () -> differences(notice, given));
        return notice;
    }

    /** The fields of {@code given} (those it sets) that differ from the stored notice. */
    private static List<String> differences(Notice notice, NoticeText given) {
        if (given == null) {
            return List.of();
        }
        List<String> fields = new java.util.ArrayList<>();
        Object[][] pairs = {{"title", notice.getTitle(), given.title()}, {"body", notice.getBody(), given.body()},
                {"order", notice.getListOrder(), given.order()}, {"startsAt", notice.getStartsAt(), given.startsAt()},
                {"endsAt", notice.getEndsAt(), given.endsAt()}, {"contact", notice.getContact(), given.contact()}};
        for (Object[] pair : pairs) {
            if (pair[2] != null && !pair[2].equals(pair[1])) {
                fields.add((String) pair[0]);
            }
        }
        return fields;
    }

    Notice locked(long noticeId) {
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            throw LaurelException.notFound("notice.notFound");
        }
        return notice;
    }

    /** Eight characters from an alphabet without look-alikes: short enough to type from paper, not guessable. */
    private static String shortCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
