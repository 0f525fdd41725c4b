package io.paperlog.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paperlog.lists.ListAccess;
import io.paperlog.lists.ListItem;
import io.paperlog.lists.ListSummary;
import io.paperlog.papers.Paper;
import io.paperlog.tracking.Mark;
import io.paperlog.tracking.NoteStore;
import io.paperlog.tracking.TrackingStore;
import java.util.List;

/**
 * The records the API answers with, written by {@link io.paperlog.web.Json} (snake_case, nulls included): the same
 * shapes an export of one's data will use. Timestamps are ISO-8601 UTC, days YYYY-MM-DD; a rating is stars, 0.5 to 5.
 */
final class ApiJson {

    private ApiJson() {}

    /** One page of a longer answer: its items, which page, how many to a page, and how many there are in all. */
    record Paged<T>(List<T> items, int page, int perPage, int total) {}

    /** A paper as stored; {@code rank} is null for papers people added, {@code authors} in order. */
    record PaperJson(long id, Integer rank, String title, List<String> authors, Integer year, String venue,
                     String arxivId, String doi, String url, int citations,
                     @JsonProperty("abstract") String abstractText, String createdAt) {
        static PaperJson of(Paper p) {
            return new PaperJson(p.id(), p.rank(), p.title(), p.authorList(), p.year(), p.venue(), p.arxivId(), p.doi(),
                    p.url(), p.citations(), p.abstractText(), p.createdAt());
        }
    }

    /** My status and rating of one paper; {@code status} none and {@code rating} null when I have neither. */
    record ReadingJson(long paperId, String title, String status, String startedOn, String finishedOn, int timesRead,
                       int rereads, Double rating) {
        static ReadingJson of(String title, Mark m) {
            return new ReadingJson(m.paperId(), title, m.statusSlug(), m.startedOn(), m.finishedOn(), m.timesRead(),
                    m.rereads(), m.halves() == null ? null : m.halves() / 2.0);
        }

        static ReadingJson of(TrackingStore.LibraryRow row) {
            return of(row.title(), row.mark());
        }
    }

    /** One change of my status. */
    record StatusEventJson(long paperId, String from, String to, String at) {
        static StatusEventJson of(TrackingStore.StatusEvent e) {
            return new StatusEventJson(e.paperId(), e.from().getSlug(), e.to().getSlug(), e.at());
        }
    }

    /** My note on a paper: {@code revision} 0 and an empty body when there is none yet. */
    record NoteJson(long paperId, String body, int revision, String updatedAt) {
        static NoteJson of(long paperId, NoteStore.Note note) {
            return new NoteJson(paperId, note.body(), note.revision(), note.updatedAt());
        }
    }

    /** A list I may see, as the lists page shows it: my role in it, how many papers, the next session. */
    record ListSummaryJson(long id, String name, String visibility, String role, String owner, int items,
                           String nextSession) {
        static ListSummaryJson of(ListSummary s) {
            return new ListSummaryJson(s.id(), s.name(), s.visibility().slug(), s.role().slug(), s.ownerName(), s.items(),
                    s.nextSession());
        }
    }

    /** A list with its papers in order; {@code version} is what a new order is sent against. */
    record ListJson(long id, String name, String description, String visibility, String role, String owner,
                    int version, String createdAt, List<ItemJson> items) {
        static ListJson of(ListAccess access, List<ListItem> items) {
            var l = access.list();
            return new ListJson(l.id(), l.name(), l.description(), l.visibility().slug(), access.role().slug(),
                    l.ownerName(), l.version(), l.createdAt(), items.stream().map(ItemJson::of).toList());
        }
    }

    /** A paper on a list, with its note and its session (a day and the presenter's username) if scheduled. */
    record ItemJson(long id, long paperId, String title, int position, String note, String addedBy, String addedAt,
                    String sessionOn, String presenter, int comments) {
        static ItemJson of(ListItem i) {
            return new ItemJson(i.id(), i.paperId(), i.paperTitle(), i.position(), i.note(), i.addedByName(),
                    i.addedAt(), i.sessionOn(), i.presenterUsername(), i.comments());
        }
    }

    /** Who the token speaks for, and what it may do. */
    record MeJson(long id, String username, String displayName, boolean admin, String scope) {}
}
