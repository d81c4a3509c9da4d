package org.genrelab;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run, one block per missing part of the shared data: which test classes were skipped for
 * want of it, and how to get it (the reason {@link SharedData} gave). Nothing is printed when nothing was skipped
 * for data, as in CI, where {@code ../shared} is present. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkippedForDataSummary implements TestExecutionListener {

    private final Map<String, TreeSet<String>> classesByReason = new TreeMap<>();
    private final Map<String, Integer> testsByReason = new TreeMap<>();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
        int at = reason.indexOf(SharedData.MISSING);
        if (at < 0) return;
        reason = reason.substring(at);
        String cls = id.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : s.toString()).orElse(id.getDisplayName());
        classesByReason.computeIfAbsent(reason, k -> new TreeSet<>()).add(cls.replaceFirst("^org\\.genrelab\\.", ""));
        testsByReason.merge(reason, 1, Integer::sum);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (classesByReason.isEmpty()) return;
        StringBuilder sb = new StringBuilder("\nSkipped for want of shared data (every other test ran):\n");
        classesByReason.forEach((reason, classes) -> sb.append("- ").append(testsByReason.get(reason))
                .append(" test(s) or class(es) in ").append(classes.size()).append(" class(es) ").append(reason).append(":\n    ")
                .append(String.join(", ", classes)).append('\n'));
        System.out.print(sb);
        System.out.flush();
    }
}
