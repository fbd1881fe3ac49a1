import Foundation

/// Gives the memory the process has freed back to the system.
///
/// A server lives for hours. Compiling a large glossary allocates several times the compiled
/// form (the parsed model, the tables being built), and frees it all at once; the C library's
/// allocator keeps freed memory for reuse, so without being told to the process would go on
/// holding the compile's peak (hundreds of megabytes for 100,000 concepts) while it only needs
/// the compiled glossary.
enum FreedMemory {
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// The C library's `malloc_trim`, looked up at run time: the Swift C library module does not
    /// declare it, and a C library without it has nothing to do.
    private static let mallocTrim: MallocTrim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: MallocTrim.self) }

    /// Returns the freed memory of every allocator arena to the system.
    ///
    /// - Complexity: O(the allocator's free lists); call it after freeing much, not often.
    static func release() {
        _ = mallocTrim?(0)
    }
}
