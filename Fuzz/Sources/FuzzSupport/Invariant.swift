#if canImport(Glibc)
    import Glibc
#endif

/// What a fuzz target asserts beyond "no crash": a broken invariant aborts the process, which
/// libFuzzer reports like a crash and saves the input for.
public enum Invariant {
    /// Aborts with `message` when `condition` is false.
    ///
    /// Not `precondition`: that traps with SIGILL, and its message is lost when the Swift
    /// backtracer is off (`SWIFT_BACKTRACE=enable=no`, which fuzzing needs).
    @inline(__always)
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Prints `message` and aborts.
    public static func fail(_ message: String) -> Never {
        let text = "\n==== fuzz invariant violated: \(message)\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        abort()
    }
}
