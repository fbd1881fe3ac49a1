import Foundation

/// A form of a term as the first pass of compiling leaves it (`CompiledGlossary.init`): its
/// tokens, and what the second pass needs to know of its term.
struct TokenizedForm: Sendable {
    var tokens: [Token]
    /// The index of the term's language among `PreparedFormQueue`'s languages.
    var language: Int
    /// Whether the entry's keys include the words with their accents taken off.
    var foldsAccents: Bool
    /// Whether the form is also put in the trie as its compounds (`CompoundVariant`).
    var variesAsCompound: Bool
}

/// A form made ready for the trie: the word sequences to insert, in the order the compiler
/// inserts them.
struct PreparedForm: Sendable {
    /// One path through the trie for the form's entry.
    struct Insertion: Sendable {
        var words: [String]
        var gaps: [String]
        /// The words are the bare keys (accents taken off), not the folded ones.
        var viaBareKeys: Bool
        var compoundVariant: CompoundVariant.Kind?
    }

    var tokens: [Token]
    var insertions: [Insertion]

    /// The keys of `form` (folded words; bare words too when they differ and the term folds
    /// accents), each followed by its compound forms.
    ///
    /// - Complexity: O(*n* · *m*) for *n* words of at most *m* letters (`CompoundVariant`).
    init(_ form: TokenizedForm, languages: [PreparedFormQueue.Language]) {
        tokens = form.tokens
        insertions = []
        guard !tokens.isEmpty else { return }
        let gaps = tokens.map(\.gapBefore)
        var keys = [tokens.map(\.folded)]
        if form.foldsAccents, tokens.contains(where: { $0.bare != $0.folded }) { keys.append(tokens.map(\.bare)) }
        let isLetterWord = form.variesAsCompound ? tokens.map { $0.kind == .letter } : []
        for (index, words) in keys.enumerated() {
            insertions.append(Insertion(words: words, gaps: gaps, viaBareKeys: index > 0))
            guard form.variesAsCompound else { continue }
            let language = languages[form.language]
            for variant in CompoundVariant.variants(
                words: words, gaps: gaps, isLetterWord: isLetterWord, rules: language.rules, parts: language.parts)
            {
                insertions.append(
                    Insertion(words: variant.words, gaps: variant.gaps, viaBareKeys: index > 0, compoundVariant: variant.kind))
            }
        }
    }
}

/// Prepares the forms of a glossary (`PreparedForm`) in chunks, on the compiling thread and on
/// at most one helper thread, and hands them to the compiling thread in their order.
///
/// Preparing a form (its keys and its compound forms) only reads the form and the compound
/// parts, which are complete before the second pass starts; putting it in the trie must happen
/// in the forms' order, since the lexicon's ids and the entries' indexes follow it. So a helper
/// thread prepares chunks ahead of the compiling thread, which inserts them in order: the
/// result is the same whichever thread prepared a chunk. The compiling thread prepares a chunk
/// itself when the helper has not claimed it yet, so that it never waits for a helper that has
/// not started (and compiling on one thread is the same code without a helper).
///
/// The helper runs at most `maximumLead` chunks ahead, so that the prepared forms waiting for
/// the trie stay a small part of the glossary.
final class PreparedFormQueue: @unchecked Sendable {
    // Unchecked: the mutable state below is only read and written with `condition` locked
    // (`hasHelper` is set before the helper starts); `languages` and `chunkCount` never change.

    /// What preparing a form needs of its term's language.
    struct Language: Sendable {
        var rules: CompoundRules
        var parts: CompoundParts
    }

    /// The number of forms in a chunk: enough that locking is rare, few enough that the
    /// compiling thread soon has work.
    static let chunkSize = 512
    /// How many chunks the helper may prepare before the compiling thread takes them.
    static let maximumLead = 32

    private let languages: [Language]
    private let chunkCount: Int
    private let condition = NSCondition()
    /// The forms of each chunk not claimed yet (a claimed chunk's are moved out).
    private var pending: [[TokenizedForm]]
    /// Chunks prepared by the helper and not taken yet, by index.
    private var prepared: [Int: [PreparedForm]] = [:]
    private var nextUnclaimed = 0
    private var nextTaken = 0
    private var isCancelled = false
    private var hasHelper = false
    /// Chunks the compiling thread has used, which the helper frees (`giveBack`).
    private var spent: [[PreparedForm]] = []

    /// A queue of `forms`, in order.
    init(forms: [TokenizedForm], languages: [Language]) {
        self.languages = languages
        pending = stride(from: 0, to: forms.count, by: Self.chunkSize).map {
            Array(forms[$0..<min($0 + Self.chunkSize, forms.count)])
        }
        chunkCount = pending.count
    }

    /// Whether compiling on at most `maximumThreads` threads (nil: as many as the machine has
    /// cores) prepares forms on a helper thread.
    static func usesHelper(maximumThreads: Int?) -> Bool {
        min(maximumThreads ?? ProcessInfo.processInfo.activeProcessorCount, 2) > 1
    }

    /// Starts the helper thread.
    func startHelper() {
        hasHelper = true
        let thread = Thread { [self] in
            while let (index, forms) = claimForHelper() {
                let chunk = forms.map { PreparedForm($0, languages: languages) }
                condition.lock()
                prepared[index] = chunk
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.name = "glossary compile"
        thread.start()
    }

    /// The next chunk the helper may prepare, waiting while it is `maximumLead` chunks ahead;
    /// nil when every chunk is claimed or the queue is cancelled.
    private func claimForHelper() -> (Int, [TokenizedForm])? {
        var used: [[PreparedForm]] = []
        condition.lock()
        // The used chunks are freed here, after the lock (`used` goes out of scope).
        defer {
            condition.unlock()
            used = []
        }
        while !isCancelled, nextUnclaimed < chunkCount, nextUnclaimed >= nextTaken + Self.maximumLead {
            condition.wait()
        }
        swap(&used, &spent)
        guard !isCancelled, nextUnclaimed < chunkCount else { return nil }
        return (nextUnclaimed, claim())
    }

    /// Takes back a chunk `next` gave, so that the helper, not the compiling thread, frees its
    /// forms' arrays (freeing them was a twentieth of the compiling thread's time). Without a
    /// helper, or once it has claimed every chunk, the chunk is freed by its caller.
    func giveBack(_ chunk: [PreparedForm]) {
        guard !chunk.isEmpty else { return }
        condition.lock()
        if hasHelper, !isCancelled, nextUnclaimed < chunkCount { spent.append(chunk) }
        condition.unlock()
    }

    /// Takes chunk `nextUnclaimed`'s forms out of `pending`. Call with `condition` locked.
    private func claim() -> [TokenizedForm] {
        let forms = pending[nextUnclaimed]
        pending[nextUnclaimed] = []
        nextUnclaimed += 1
        return forms
    }

    /// The next chunk of prepared forms in order, prepared here unless the helper claimed it;
    /// nil after the last.
    func next() -> [PreparedForm]? {
        condition.lock()
        let index = nextTaken
        guard index < chunkCount else {
            condition.unlock()
            return nil
        }
        nextTaken += 1
        // Room for the helper to claim one more.
        condition.broadcast()
        if nextUnclaimed == index {
            let forms = claim()
            condition.unlock()
            return forms.map { PreparedForm($0, languages: languages) }
        }
        while prepared[index] == nil { condition.wait() }
        let chunk = prepared.removeValue(forKey: index)
        condition.unlock()
        return chunk
    }

    /// Stops the helper at its next claim (compiling failed or finished).
    func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
