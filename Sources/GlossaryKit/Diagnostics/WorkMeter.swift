import Synchronization

/// Counts the steps an algorithm takes, so that a test can hold its cost to a bound by counting
/// rather than timing.
///
/// A step is whatever the instrumented code counts as one unit of work: a byte walked, a
/// character copied, an element visited. Code adds its count once per call (`record(_:)`), so the
/// meter costs nothing measurable when no test is listening. A test runs the code inside
/// `count(_:)`; the meter is bound to the test's task, so tests running in parallel do not see
/// each other's steps, and code that runs on other threads is not counted.
///
/// ```swift
/// let small = WorkMeter.count { _ = MarkdownMasker.mask(text, markdown: true) }
/// let large = WorkMeter.count { _ = MarkdownMasker.mask(text + text, markdown: true) }
/// #expect(Double(large) / Double(small) < 2.5)
/// ```
final class WorkMeter: Sendable {
    @TaskLocal private static var current: WorkMeter?

    private let steps = Atomic<Int>(0)

    private init() {}

    /// Adds `steps` to the meter of the running task, if a test has set one.
    static func record(_ steps: Int) {
        current?.steps.add(steps, ordering: .relaxed)
    }

    /// The steps recorded while `body` runs.
    static func count(_ body: () throws -> Void) rethrows -> Int {
        let meter = WorkMeter()
        try $current.withValue(meter) { try body() }
        return meter.steps.load(ordering: .relaxed)
    }
}
