package io.paperlog.annotations;

import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * The passage of an abstract a new annotation is on. With JavaScript, the selection made in the browser: offsets
 * into the abstract as stored ({@code start}, {@code end}) and the text they cover ({@code exact}), which must
 * agree. Without, a passage pasted into {@code exact}, found in the stored or the displayed text, and when it
 * occurs more than once, the {@code occurrence} chosen.
 */
final class SelectionForm {

    static final int MAX_QUOTE = 2000;
    private static final int CONTEXT = 40;

    private SelectionForm() {}

    /** The selector, or null with the problem recorded on {@code form}. */
    static Selector read(Form form, String text) {
        String start = form.trimmed("start");
        String end = form.trimmed("end");
        return start.isEmpty() && end.isEmpty() ? fromPassage(form, text) : fromPosition(form, text, start, end);
    }

    private static Selector fromPosition(Form form, String text, String rawStart, String rawEnd) {
        int start = Params.wholeNumber(rawStart, "The selection's start");
        int end = Params.wholeNumber(rawEnd, "The selection's end");
        if (start > text.length() || end > text.length()) {
            throw UserError.badRequest("The selection is outside the abstract, which has " + text.length()
                    + " characters.");
        }
        if (end <= start) {
            throw UserError.badRequest("A selection ends after it starts.");
        }
        if (end - start > MAX_QUOTE) {
            form.problem("exact", "Select at most " + Text.grouped(MAX_QUOTE) + " characters; this selection has "
                    + Text.grouped(end - start) + ".");
            return null;
        }
        if (!text.substring(start, end).equals(form.text("exact"))) {
            throw UserError.badRequest("The selected text does not match the abstract at that position; "
                    + "it may have been edited. Reload the page and select again.");
        }
        return Anchoring.describe(text, start, end);
    }

    private static Selector fromPassage(Form form, String text) {
        String passage = form.trimmed("exact");
        if (passage.isEmpty()) {
            form.problem("exact", "Paste the passage of the abstract you want to annotate.");
            return null;
        }
        if (passage.length() > MAX_QUOTE) {
            form.problem("exact", "A passage can be up to " + Text.grouped(MAX_QUOTE) + " characters; this one has "
                    + Text.grouped(passage.length()) + ".");
            return null;
        }
        List<int[]> ranges = occurrences(text, passage);
        if (ranges.isEmpty()) {
            form.problem("exact", "That passage is not in the abstract. Copy it exactly, including punctuation.");
            return null;
        }
        String occurrence = form.trimmed("occurrence");
        int chosen = ranges.size() == 1 ? 1 : occurrence.matches("\\d{1,4}") ? Integer.parseInt(occurrence) : 0;
        if (chosen < 1 || chosen > ranges.size()) {
            form.problem("occurrence", "That passage appears " + ranges.size()
                    + " times in the abstract. Choose which one you mean.");
            return null;
        }
        int[] range = ranges.get(chosen - 1);
        if (range[1] - range[0] > MAX_QUOTE) {
            form.problem("exact", "A passage can be up to " + Text.grouped(MAX_QUOTE) + " characters.");
            return null;
        }
        return Anchoring.describe(text, range[0], range[1]);
    }

    /** Where {@code passage} occurs in the stored text, or else in the text as displayed. */
    private static List<int[]> occurrences(String text, String passage) {
        List<int[]> ranges = new ArrayList<>();
        for (int at : Anchoring.occurrences(text, passage)) {
            ranges.add(new int[] {at, at + passage.length()});
        }
        return ranges.isEmpty() ? HighlightedAbstract.findRendered(text, passage) : ranges;
    }

    /** The occurrences of a pasted passage to choose from, with some context; none unless there are several. */
    static List<AnnotationFields.Choice> choices(String text, String pasted) {
        String passage = Text.lf(pasted).strip();
        List<int[]> ranges = passage.isEmpty() ? List.of() : occurrences(text, passage);
        List<AnnotationFields.Choice> choices = new ArrayList<>();
        for (int i = 0; ranges.size() > 1 && i < ranges.size(); i++) {
            int s = ranges.get(i)[0];
            int e = ranges.get(i)[1];
            choices.add(new AnnotationFields.Choice(i + 1, text.substring(Math.max(0, s - CONTEXT), s),
                    text.substring(s, e), text.substring(e, Math.min(text.length(), e + CONTEXT))));
        }
        return choices;
    }
}
