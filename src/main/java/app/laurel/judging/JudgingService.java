package app.laurel.judging;

import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.persistence.Paging;
import app.laurel.platform.persistence.Versions;
import app.laurel.submission.BlindText;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judge's side: their scorecards in open rounds, each entry shown blind, scores saved as drafts and then
 * submitted. A judge reaches only their own scorecards; anything else is "not found".
 */
@Stateless
@RolesAllowed(Roles.JUDGE)
public class JudgingService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Versions versions;

    @Inject
    private Clock clock;

    @Inject
    private Reassignment reassignment;

    @Inject
    private AuditTrail audit;

    @Inject
    private CurrentCaller caller;

    /** One page of the caller's scorecards with their entries blind, and the counts over all of them. */
    public record CardPage(List<BlindEntry> cards, int page, int size, long total, long submitted) {
    }

    /**
     * One page of the caller's scorecards in open rounds, each with its entry blind. The page's stories are read in one
     * statement, not one per card; the counts in one grouped statement.
     */
    public CardPage myScorecards(Paging paging) {
        List<JudgeWork.RoundCount> counts = counts();
        List<Scorecard> cards = cards(false, paging);
        Map<Long, String> stories = new HashMap<>();
        if (!cards.isEmpty()) {
            em.createQuery("select e.id, e.bodyHtml from Entry e where e.id in :ids", Object[].class)
                    .setParameter("ids", cards.stream().map(c -> c.getRoundEntry().getEntry().getId()).distinct().toList())
                    .getResultList().forEach(r -> stories.put((Long) r[0], (String) r[1]));
        }
        return new CardPage(cards.stream().map(c -> blind(c, stories.get(c.getRoundEntry().getEntry().getId()))).toList(),
                paging.page(), paging.size(), counts.stream().mapToLong(JudgeWork.RoundCount::total).sum(),
                counts.stream().mapToLong(JudgeWork.RoundCount::submitted).sum());
    }

    /**
     * One page of the caller's list, grouped by round with each round's progress: a constant number of statements
     * however long it is (the stories stay unread; entries, owners and files come in batches; counts are grouped).
     */
    public JudgeWork myWork(boolean unsubmittedOnly, Paging paging) {
        List<JudgeWork.RoundCount> counts = counts();
        long listed = counts.stream().mapToLong(c -> unsubmittedOnly ? c.total() - c.submitted() : c.total()).sum();
        return JudgeWork.page(cards(unsubmittedOnly, paging).stream().map(JudgingService::item).toList(), counts,
                unsubmittedOnly, paging.page(), paging.pages(listed));
    }

    /**
     * One page of the caller's scorecards in list order. The order is found over narrow rows (ids and sort keys of
     * the judge's 1,200 cards at provincial scale) and only the page's fifty cards are read whole: sorting the whole
     * cards, comments included, cost more than the rest of the page.
     */
    private List<Scorecard> cards(boolean unsubmittedOnly, Paging paging) {
        List<Long> ids = em.createNamedQuery(unsubmittedOnly ? "Scorecard.draftIdsByJudge" : "Scorecard.idsByJudge", Long.class)
                .setParameter("username", caller.name()).setFirstResult(paging.first()).setMaxResults(paging.size())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Scorecard> byId = new HashMap<>();
        em.createQuery("select s from Scorecard s where s.id in :ids", Scorecard.class).setParameter("ids", ids)
                .getResultList().forEach(s -> byId.put(s.getId(), s));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The caller's open rounds in list order, each with how many of its scorecards they hold and have submitted. */
    private List<JudgeWork.RoundCount> counts() {
        Map<Long, JudgeWork.RoundCount> byRound = new java.util.LinkedHashMap<>();
        for (Object[] r : em.createNamedQuery("Scorecard.countsByJudge", Object[].class).setParameter("username", caller.name())
                .getResultList()) {
            long roundId = (Long) r[2];
            int n = ((Number) r[5]).intValue();
            int submitted = r[4] == ScorecardStatus.SUBMITTED ? n : 0;
            JudgeWork.RoundCount known = byRound.get(roundId);
            byRound.put(roundId, known == null
                    ? new JudgeWork.RoundCount((String) r[0], (String) r[1], roundId, (String) r[3], submitted, n)
                    : new JudgeWork.RoundCount(known.contestCode(), known.contestTitle(), roundId, known.roundName(),
                            known.submitted() + submitted, known.total() + n));
        }
        return List.copyOf(byRound.values());
    }

    /** The caller's next unsubmitted scorecard in the same round after this one (by code, from the top again), or null. */
    public Long next(long scorecardId) {
        Scorecard card = own(scorecardId, LockModeType.NONE);
        List<Object[]> drafts = em.createQuery("""
                select s.id, s.roundEntry.code from Scorecard s where s.judge.username = :caller
                and s.roundEntry.round = :round and s.status = app.laurel.judging.ScorecardStatus.DRAFT and s.id <> :id
                order by s.roundEntry.code""", Object[].class)
                .setParameter("caller", caller.name()).setParameter("round", card.getRoundEntry().getRound())
                .setParameter("id", card.getId()).getResultList();
        String code = card.getRoundEntry().getCode();
        return drafts.stream().filter(d -> ((String) d[1]).compareTo(code) > 0).findFirst()
                .or(() -> drafts.stream().findFirst()).map(d -> (Long) d[0]).orElse(null);
    }

    public BlindEntry view(long scorecardId) {
        return blind(own(scorecardId, LockModeType.NONE));
    }

    /**
     * Saves draft scores made from version {@code expectedVersion} (null: unchecked): an older tab cannot undo a newer
     * save. Scores come as typed (the page's text, the API's numbers written out): one that is not a number or is
     * out of range is refused beside its criterion, and then nothing is saved.
     */
    public BlindEntry save(long scorecardId, Map<String, String> typed, String comment, Long expectedVersion) {
        Scorecard card = own(scorecardId, LockModeType.PESSIMISTIC_READ);
        versions.expect(card.getVersion(), expectedVersion, "scorecard:" + scorecardId, List::of);
        Round round = card.getRoundEntry().getRound();
        Rubric rubric = round.rubric();
        Map<String, Integer> stored = card.halfPoints();
        card.save(rubric.read(typed == null ? Map.of() : typed), comment, rubric, clock.instant());
        // By the entry's neutral code, never its author: the log is read by people who must not unblind the judging.
        ScoreChange.between(stored, card.halfPoints(), round.getCriteria().stream().map(RoundCriterion::getName).toList())
                .ifPresent(change -> audit.record(caller.name(), "SCORE_CHANGED", "round:" + round.getId(),
                        card.getRoundEntry().getCode(), change.before(), change.after()));
        versions.advance(card, card::getVersion);
        return blind(card);
    }

    public BlindEntry submit(long scorecardId) {
        Scorecard card = own(scorecardId, LockModeType.PESSIMISTIC_READ);
        card.submit(card.getRoundEntry().getRound().rubric(), clock.instant());
        return blind(card);
    }

    /**
     * The judge declares a conflict (回避) on an entry they have not submitted yet: the scorecard goes, the entry
     * is never shown to them again, and in BALANCED mode another judge takes it.
     */
    public void declareConflict(long scorecardId, String reason) {
        Scorecard card = own(scorecardId, LockModeType.PESSIMISTIC_WRITE);
        Round round = card.getRoundEntry().getRound();
        round.requireOpen();
        if (card.getStatus() == ScorecardStatus.SUBMITTED) {
            throw LaurelException.conflict("judging.conflict.afterSubmit");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 200) {
            throw InvalidInputException.of("reason", "validation.length", 0, 200);
        }
        String code = card.getRoundEntry().getCode();
        PanelService.ConflictOutcome outcome = Conflicts.record(em, reassignment, round, card.getRoundEntry(), card.getJudge(),
                why, card.getJudge().getUsername(), clock.instant());
        audit.record(card.getJudge().getUsername(), "CONFLICT_DECLARED", "round:" + round.getId(),
                code + outcome.reassignedTo().map(j -> " → " + j).orElse(""));
    }

    /**
     * The caller's own scorecard. When it is to change, the round is locked first and then the card, re-read: the
     * same order as the organiser's close, reopen and conflicts, so that a score cannot slip in after the round
     * closed, two tabs cannot overwrite each other, and nobody deadlocks. Scoring takes the round lock shared
     * (judges score side by side); changes to the panel take it exclusively.
     */
    private Scorecard own(long scorecardId, LockModeType roundLock) {
        Scorecard card = em.find(Scorecard.class, scorecardId);
        if (card == null || !card.getJudge().getUsername().equals(caller.name())
                || card.getRoundEntry().getRound().getStatus() == RoundStatus.SETUP) {
            throw LaurelException.notFound("entry.notFound");
        }
        if (roundLock != LockModeType.NONE) {
            em.refresh(card.getRoundEntry().getRound(), roundLock);
            em.refresh(card, LockModeType.PESSIMISTIC_WRITE);
        }
        return card;
    }

    private static JudgeWork.Item item(Scorecard card) {
        Entry entry = card.getRoundEntry().getEntry();
        Round round = card.getRoundEntry().getRound();
        return new JudgeWork.Item(card.getId(), card.getRoundEntry().getCode(), BlindText.forJudges(entry).text(entry.getTitle()),
                entry.getCategory() == null ? null : entry.getCategory().getName(), card.getStatus().name(),
                round.getContest().getCode(), round.getContest().getTitle(), round.getId(), round.getName());
    }

    static BlindEntry blind(Scorecard card) {
        return blind(card, card.getRoundEntry().getEntry().getBodyHtml());
    }

    /** The card's entry blind, with its story as read (a list reads a page's stories at once). */
    private static BlindEntry blind(Scorecard card, String bodyHtml) {
        Entry entry = card.getRoundEntry().getEntry();
        Map<String, Integer> counters = new HashMap<>();
        List<BlindEntry.BlindFile> files = new ArrayList<>();
        for (EntryFile f : entry.getFiles()) {
            // Neutral names from the bundle (图片1.png, 附件1.pdf): the same for every judge, whatever their language.
            String label = Messages.text(Messages.CHINESE, "fileRole." + f.getRole().name());
            int n = counters.merge(label, 1, Integer::sum);
            String name = f.getFile().getStoredName();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            files.add(new BlindEntry.BlindFile(f.getFile().getId(), label + n + extension, f.getFile().getMediaType()));
        }
        BlindText hidden = BlindText.forJudges(entry);
        Round round = card.getRoundEntry().getRound();
        return new BlindEntry(card.getId(), card.getRoundEntry().getCode(), hidden.html(entry.getTitle()),
                entry.getCategory() == null ? null : entry.getCategory().getName(), hidden.html(bodyHtml),
                files, round.getCriteria().stream()
                        .map(c -> new BlindEntry.CriterionView(c.getName(), c.getDescription(), c.getMaxPoints(), c.isPrimary())).toList(),
                card.points(), card.getComment(), card.getStatus().name(), round.getContest().getCode(),
                round.getContest().getTitle(), round.getId(), round.getName(), card.getVersion());
    }
}
