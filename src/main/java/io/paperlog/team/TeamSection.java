package io.paperlog.team;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import io.paperlog.tracking.Stars;
import io.paperlog.tracking.Status;
import io.paperlog.web.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "The team" on a paper's page: who wants to read it, is reading it, has read it, their ratings and the average. */
public final class TeamSection implements PaperSection {

    /** What the section shows; {@code average} is "—" without ratings. */
    public record OnPaper(List<TeamStore.TeamMark> want, List<TeamStore.TeamMark> reading,
                          List<TeamStore.TeamMark> read, List<TeamStore.TeamMark> abandoned,
                          List<TeamStore.TeamMark> rated, String average) {

        public boolean empty() {
            return want.isEmpty() && reading.isEmpty() && read.isEmpty() && abandoned.isEmpty() && rated.isEmpty();
        }

        /** "4.5", for a teammate's rating. */
        public String stars(TeamStore.TeamMark mark) {
            return Stars.format(mark.halves());
        }
    }

    private final TeamStore team;

    public TeamSection(TeamStore team) {
        this.team = team;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        List<TeamStore.TeamMark> marks = team.onPaper(paper.id(), CurrentUser.of(ctx).id());
        List<TeamStore.TeamMark> rated = marks.stream().filter(m -> m.halves() != null).toList();
        String average = rated.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f",
                rated.stream().mapToInt(TeamStore.TeamMark::halves).average().orElse(0) / 2);
        return Map.of("team", new OnPaper(with(marks, Status.WANT), with(marks, Status.READING),
                with(marks, Status.READ), with(marks, Status.ABANDONED), rated, average));
    }

    private static List<TeamStore.TeamMark> with(List<TeamStore.TeamMark> marks, Status status) {
        return marks.stream().filter(m -> m.status() == status).toList();
    }
}
