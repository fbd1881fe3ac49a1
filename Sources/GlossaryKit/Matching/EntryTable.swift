extension CompiledGlossary {
    /// What the compiled glossary knows of one entry besides its term, in one 32-bit value: the
    /// entry's language (an index into `EntryTable.languages`), its term's status and match
    /// mode, and the flags that decide which readings it accepts.
    ///
    /// This is the one encoding of an entry's flags: compiling makes it, the matcher reads it
    /// (four bytes per entry: a large glossary's entries do not stay in the processor's cache,
    /// these mostly do) and the cache stores it as it is.
    ///
    /// Bits 0–15 hold the language; the flags follow (`layout` lists them), then the match mode
    /// and the status as indices into their types' `allCases`, then whether the entry is an
    /// exception phrase.
    struct EntryFacts: Sendable, Hashable {
        /// The bits, as the cache stores them.
        private(set) var rawValue: UInt32

        private static let caseSensitive: UInt32 = 1 << 16
        private static let foldsAccents: UInt32 = 1 << 17
        private static let abbreviated: UInt32 = 1 << 18
        private static let pluralInfix: UInt32 = 1 << 19
        private static let viaBareKeys: UInt32 = 1 << 20
        private static let listedForm: UInt32 = 1 << 21
        private static let modeShift: UInt32 = 22
        private static let statusShift: UInt32 = 24
        private static let hyphenated: UInt32 = 1 << 27
        private static let hyphenSpace: UInt32 = 1 << 28
        private static let closedVariant: UInt32 = 1 << 29
        private static let openVariant: UInt32 = 1 << 30
        private static let exception: UInt32 = 1 << 31
        /// The bits above the last flag, always 0: none are left.
        private static let unused: UInt32 = 0
        private static let modes = MatchMode.allCases
        private static let statuses = TermStatus.allCases

        /// The meaning of every bit, in words: the cache's key includes it, so that a cache
        /// written with another layout (or another order of statuses or modes) is not read.
        static let layout =
            "language 0-15, case-sensitive 16, folds-accents 17, abbreviated 18, plural-infix 19, via-bare-keys 20, "
            + "listed-form 21, mode 22-23 \(modes.map(\.rawValue)), status 24-26 \(statuses.map(\.rawValue)), "
            + "hyphenated 27, hyphen-space 28, closed-variant 29, open-variant 30, exception 31"

        init(
            language: Int, status: TermStatus, mode: MatchMode, isCaseSensitive: Bool, foldsAccents: Bool,
            isAbbreviated: Bool, allowsPluralInfix: Bool, viaBareKeys: Bool, isListedForm: Bool,
            isHyphenated: Bool = false, allowsHyphenForSpace: Bool = false, compoundVariant: CompoundVariant.Kind? = nil,
            isException: Bool = false
        ) {
            precondition(language <= 0xFFFF, "at most 65,536 languages")
            precondition(Self.modes.count <= 4 && Self.statuses.count <= 8, "a mode or status beyond its bits")
            rawValue = UInt32(language)
            rawValue |= UInt32(Self.modes.firstIndex(of: mode)!) << Self.modeShift
            rawValue |= UInt32(Self.statuses.firstIndex(of: status)!) << Self.statusShift
            if isCaseSensitive { rawValue |= Self.caseSensitive }
            if foldsAccents { rawValue |= Self.foldsAccents }
            if isAbbreviated { rawValue |= Self.abbreviated }
            if allowsPluralInfix { rawValue |= Self.pluralInfix }
            if viaBareKeys { rawValue |= Self.viaBareKeys }
            if isListedForm { rawValue |= Self.listedForm }
            if isHyphenated { rawValue |= Self.hyphenated }
            if allowsHyphenForSpace { rawValue |= Self.hyphenSpace }
            self.compoundVariant = compoundVariant
            if isException { rawValue |= Self.exception }
        }

        /// Facts as `rawValue` gave them, taken on trust: the matcher's path.
        @inline(__always)
        init(unchecked rawValue: UInt32) {
            self.rawValue = rawValue
        }

        /// Facts as `rawValue` gave them, or nil when the bits name a language (of
        /// `languageCount`), mode or status that does not exist.
        init?(rawValue: UInt32, languageCount: Int) {
            guard rawValue & Self.unused == 0, rawValue & Self.closedVariant == 0 || rawValue & Self.openVariant == 0 else {
                return nil
            }
            self.rawValue = rawValue
            guard language < languageCount, modeIndex < Self.modes.count, statusIndex < Self.statuses.count else {
                return nil
            }
        }

        var language: Int { Int(rawValue & 0xFFFF) }
        var isCaseSensitive: Bool { rawValue & Self.caseSensitive != 0 }
        var foldsAccents: Bool { rawValue & Self.foldsAccents != 0 }
        var isAbbreviated: Bool { rawValue & Self.abbreviated != 0 }
        var allowsPluralInfix: Bool { rawValue & Self.pluralInfix != 0 }
        /// Reached through accent-free keys: the text may lack the term's accents.
        var viaBareKeys: Bool {
            get { rawValue & Self.viaBareKeys != 0 }
            set { rawValue = newValue ? rawValue | Self.viaBareKeys : rawValue & ~Self.viaBareKeys }
        }
        /// One of the term's listed forms, not its written form.
        var isListedForm: Bool { rawValue & Self.listedForm != 0 }
        /// The term writes a hyphen between two of its words (`EntryTable.hyphens` says where).
        /// The trie knows a hyphen inside a term as a space: the matcher compares the text's
        /// hyphens with the term's.
        var isHyphenated: Bool {
            get { rawValue & Self.hyphenated != 0 }
            set { rawValue = newValue ? rawValue | Self.hyphenated : rawValue & ~Self.hyphenated }
        }
        /// The term's language reads a hyphen and a space between words alike
        /// (`CompoundRules.hyphenAndSpaceInterchange`); otherwise the text must write the term's.
        var allowsHyphenForSpace: Bool { rawValue & Self.hyphenSpace != 0 }
        /// Which other way of writing the term as a compound the entry is (`CompoundVariant`),
        /// nil for the term as written.
        var compoundVariant: CompoundVariant.Kind? {
            get { rawValue & Self.closedVariant != 0 ? .closed : rawValue & Self.openVariant != 0 ? .open : nil }
            set {
                rawValue &= ~(Self.closedVariant | Self.openVariant)
                switch newValue {
                case .closed: rawValue |= Self.closedVariant
                case .open: rawValue |= Self.openVariant
                case nil: break
                }
            }
        }
        /// One of the term's exception phrases (`TermException`), not a way of writing the term:
        /// the matcher reports no match of it, and a match of the term's concept inside it is none.
        var isException: Bool { rawValue & Self.exception != 0 }
        var mode: MatchMode { Self.modes[modeIndex] }
        /// `match: exact`.
        var isExact: Bool { mode == .exact }
        /// The term's status, for the matches: a rule reads it there instead of in the glossary
        /// model, far away in memory when the glossary is large.
        var status: TermStatus { Self.statuses[statusIndex] }

        private var modeIndex: Int { Int(rawValue >> Self.modeShift & 3) }
        private var statusIndex: Int { Int(rawValue >> Self.statusShift & 7) }
    }

    /// One way of writing one term: its written form, or one of its listed forms.
    struct Entry: Sendable {
        var reference: TermReference
        var facts: EntryFacts
        /// The words as written (NFC), for the case check; empty unless the term is
        /// case-sensitive.
        var exactWords: [String]
        /// Bit *i*: a hyphen comes before word *i* (1–31) as the glossary writes the term.
        var hyphens: UInt32 = 0
        /// For an exception entry, the index of its phrase in the term's `exceptions`.
        var exceptionPhrase: Int32?
    }

    /// The entries the trie's paths end at, as columns indexed by entry: what the matcher reads
    /// of every entry a path reaches (`facts`) apart from what it reads of the one that wins.
    struct EntryTable: Sendable, Codable {
        /// The distinct languages of the entries: `EntryFacts.language` indexes this list.
        let languages: [LanguageTag]
        /// Per entry: its term's concept and term index (`TermReference`).
        let concepts: PinnedArray<Int32>
        let terms: PinnedArray<Int32>
        /// Per entry: `EntryFacts.rawValue`.
        let facts: PinnedArray<UInt32>
        /// The words as written of the case-sensitive entries, by entry.
        let exactWords: KeyOrderedDictionary<Int32, [String]>
        /// The hyphens (`Entry.hyphens`) of the hyphenated entries, by entry: a handful.
        let hyphens: KeyOrderedDictionary<Int32, UInt32>
        /// The exception entries, each with the index of its phrase in its term's `exceptions`:
        /// empty for the many glossaries without exceptions, which the matcher then never looks
        /// for.
        let exceptionPhrases: KeyOrderedDictionary<Int32, Int32>

        /// The columns of `entries`.
        ///
        /// - Complexity: O(*n*) in the number of entries.
        init(_ entries: [Entry], languages: [LanguageTag]) {
            self.languages = languages
            concepts = PinnedArray(entries.map { Int32($0.reference.concept) })
            terms = PinnedArray(entries.map { Int32($0.reference.term) })
            facts = PinnedArray(entries.map(\.facts.rawValue))
            var exactWords: [Int32: [String]] = [:]
            for (index, entry) in entries.enumerated() where !entry.exactWords.isEmpty {
                exactWords[Int32(index)] = entry.exactWords
            }
            self.exactWords = KeyOrderedDictionary(exactWords)
            var hyphens: [Int32: UInt32] = [:]
            for (index, entry) in entries.enumerated() where entry.hyphens != 0 { hyphens[Int32(index)] = entry.hyphens }
            self.hyphens = KeyOrderedDictionary(hyphens)
            var exceptionPhrases: [Int32: Int32] = [:]
            for (index, entry) in entries.enumerated() {
                if let phrase = entry.exceptionPhrase { exceptionPhrases[Int32(index)] = phrase }
            }
            self.exceptionPhrases = KeyOrderedDictionary(exceptionPhrases)
        }

        /// The number of entries.
        var count: Int { facts.count }

        /// The facts of entry `index`.
        @inline(__always)
        func facts(_ index: Int32) -> EntryFacts { EntryFacts(unchecked: facts[Int(index)]) }

        /// The term of entry `index`.
        func reference(_ index: Int32) -> TermReference {
            TermReference(concept: Int(concepts[Int(index)]), term: Int(terms[Int(index)]))
        }

        /// Entry `index` whole.
        subscript(index: Int32) -> Entry {
            Entry(
                reference: reference(index), facts: facts(index), exactWords: exactWords[index] ?? [],
                hyphens: hyphens(index), exceptionPhrase: exceptionPhrases[index])
        }

        /// The hyphens of entry `index` (`Entry.hyphens`): 0 unless its facts say it has some.
        @inline(__always)
        func hyphens(_ index: Int32) -> UInt32 {
            facts(index).isHyphenated ? hyphens[index] ?? 0 : 0
        }

        /// Whether the columns have one value per entry, every fact is well-formed, every
        /// reference points at a term of a glossary whose concepts have `termCounts` terms, the
        /// case-sensitive entries, and they alone, have their written words, and the exception
        /// entries, and they alone, have a phrase index.
        ///
        /// - Complexity: O(*n*) in the number of entries.
        func isConsistent(termCounts: [Int32]) -> Bool {
            guard concepts.count == count, terms.count == count, languages.count <= 0x10000 else { return false }
            let languageCount = languages.count
            let counted = concepts.withUnsafeBufferPointer { concepts in
                terms.withUnsafeBufferPointer { terms in
                    facts.withUnsafeBufferPointer { facts in
                        termCounts.withUnsafeBufferPointer { termCounts -> (caseSensitive: Int, exceptions: Int)? in
                            var caseSensitive = 0, hyphenated = 0, exceptions = 0
                            for index in 0..<facts.count {
                                let concept = Int(concepts[index]), term = terms[index]
                                guard concept >= 0, concept < termCounts.count, term >= 0, term < termCounts[concept],
                                    let entry = EntryFacts(rawValue: facts[index], languageCount: languageCount)
                                else { return nil }
                                if entry.isCaseSensitive { caseSensitive += 1 }
                                if entry.isHyphenated { hyphenated += 1 }
                                if entry.isException { exceptions += 1 }
                            }
                            return hyphenated == hyphens.count ? (caseSensitive, exceptions) : nil
                        }
                    }
                }
            }
            guard let counted else { return false }
            return counted.caseSensitive == exactWords.count
                && hyphens.storage.allSatisfy {
                    $0.key >= 0 && Int($0.key) < count && facts($0.key).isHyphenated && $0.value != 0
                }
                && exactWords.storage.allSatisfy {
                    $0.key >= 0 && Int($0.key) < count && facts($0.key).isCaseSensitive && !$0.value.isEmpty
                }
                && counted.exceptions == exceptionPhrases.count
                && exceptionPhrases.storage.allSatisfy {
                    $0.key >= 0 && Int($0.key) < count && facts($0.key).isException && $0.value >= 0
                }
        }
    }
}
