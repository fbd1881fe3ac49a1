/// Reports a concept named in two or more ways in one language of one document.
package struct InconsistentTermRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "inconsistent-term",
        name: "Inconsistent term",
        summary: "One concept is named with different terms in the same language of one document.",
        rationale: """
            Readers take two terms for two things. Within a document each concept should keep one \
            name per language: the preferred one if it is used, else the one used most. Acronyms \
            are not compared with full forms (writing "ILO" after "International Labour \
            Organization" is normal), and inflected forms of one term count as that term.
            """,
        defaultSeverity: .warning,
        // Its finding already says what an inconsistent-translation finding on the same words would.
        supersedes: ["inconsistent-translation"],
        triggeringExamples: [
            RuleExample("Labour trafficking grows. Labour trafficking hurts. ↓Labor trafficking pays.", language: .english),
            RuleExample("Padagangan tanaga gawé ngaronjat. ↓Trafficking tenaga kerja ogé.", language: .sundanese),
            RuleExample(
                "Pekerja migran pulang. Pekerja migran lain menunggu. ↓Buruh migran tetap bekerja.", language: .indonesian),
        ],
        nonTriggeringExamples: [
            RuleExample("Labour trafficking grows, and labour trafficking hurts.", language: .english),
            RuleExample("The International Labour Organization (ILO) says the ILO will act.", language: .english),
            RuleExample("Labor trafficking grows, and labor trafficking hurts.", language: .english),
            RuleExample("Pekerja migran dan pekerja-pekerja migran lain.", language: .indonesian),
            RuleExample("Perdagangan tenaga kerja (*labour trafficking*) meningkat.", language: .indonesian),
            RuleExample("Padagangan tanaga gawé jeung padagangan tanaga gawéna.", language: .sundanese),
        ])

    /// The identity of one way of naming a concept: the term, and whether it was spelt otherwise.
    ///
    /// Twelve bytes, so that a concept met in one form (most are) costs its group's record
    /// and nothing more: a large glossary meets tens of thousands of concepts in a long text.
    fileprivate struct Form: Hashable {
        var concept: Int32
        var term: Int32
        /// The index in `Accumulator.spellings` of the folded written text when the match needed
        /// a spelling variant the glossary does not list (`labor` for `labour`), so that the two
        /// spellings count as two forms; -1 for none.
        var spelling: Int32

        var reference: TermReference { TermReference(concept: Int(concept), term: Int(term)) }
    }

    /// One form of a group: how often it was met and its matches that may be reported.
    fileprivate struct FormRecord {
        var form: Form
        var count = 1
        var kept: [TermMatch] = []
    }

    /// The findings on a whole document: the accumulator given the document as one chunk.
    ///
    /// - Complexity: O(*m* log *m*) in the document's matches.
    package func check(_ document: AnalyzedDocument) -> [Finding] {
        var accumulator = Accumulator(path: document.path, glossary: document.glossary)
        _ = accumulator.add(document)
        return accumulator.finish()
    }

    /// Compares the forms of each concept across every chunk of a document.
    package func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator {
        Accumulator(path: path, glossary: glossary)
    }

    /// The forms seen so far, with the matches that may still be reported.
    ///
    /// A concept's form to keep is its first preferred form written as in the glossary, else the
    /// most used one, so only the first kind is known before the end. Matches of that form, once
    /// met, can never be reported and are only counted; every other match is kept (without its
    /// `alternatives`, which no finding uses) until `finish()`.
    struct Accumulator: RuleAccumulator {
        let path: String
        let glossary: Glossary
        /// The concepts met, per language, in the order first met; `groupIndex` finds them.
        private var groups: [Group] = []
        private var groupIndex: [GroupKey: Int] = [:]
        /// Per term met: its group, and whether it is a preferred term (an acronym has none).
        /// Looking a term up here is cheaper than reading the term for every match.
        private var termGroups: [TermReference: (group: Int, isPreferred: Bool)?] = [:]
        /// The concept and end of the previous match, for glosses (`TermMatch.isGloss`).
        private var previous: (concept: Int, end: Int)?
        /// The written spellings that made forms of their own (`Form.spelling`), and their
        /// positions.
        private var spellings: [String] = []
        private var spellingIndices: [String: Int32] = [:]

        private struct GroupKey: Hashable {
            var language: LanguageTag
            var concept: Int
        }

        /// One concept in one language: the forms it was met in, in the order first met, with
        /// their counts and the matches that may be reported.
        ///
        /// The first form is stored in the record itself (a count of 0 means none yet): most
        /// concepts are met in one form, and three arrays per group cost more than the record
        /// (5.5 MB of heaptrack's peak for the 40,279 concepts the 100 MB benchmark corpus
        /// meets in its glossary of 100k).
        private struct Group {
            private var first = FormRecord(form: Form(concept: -1, term: -1, spelling: -1), count: 0)
            /// The forms met after the first.
            private var others: [FormRecord] = []
            /// The position of the group's first preferred form written as in the glossary:
            /// the one to keep; -1 for none yet.
            private var preferredPosition: Int32 = -1
            /// Positions by form, once there are too many forms to search.
            private var positions: [Form: Int] = [:]

            /// A concept usually has a few forms: below this many, a search beats hashing.
            static let searchLimit = 8

            /// The number of forms met.
            var formCount: Int { first.count == 0 ? 0 : 1 + others.count }

            /// The form at `position`, in the order first met (`0..<formCount`).
            subscript(position: Int) -> FormRecord {
                position == 0 ? first : others[position - 1]
            }

            /// The position of the form to keep, if a preferred form written as in the glossary
            /// was met.
            var preferred: Int? { preferredPosition >= 0 ? Int(preferredPosition) : nil }

            /// Counts `match`, written in `form`, and keeps it unless it is of the form to keep.
            mutating func add(_ match: TermMatch, form: Form, isPreferredAsWritten: Bool) {
                let index: Int
                if let found = position(of: form) {
                    index = found
                    if index == 0 { first.count += 1 } else { others[index - 1].count += 1 }
                } else {
                    index = formCount
                    if index == 0 {
                        first = FormRecord(form: form)
                    } else {
                        others.append(FormRecord(form: form))
                    }
                    if index + 1 > Self.searchLimit {
                        if positions.isEmpty {
                            for position in 0...index { positions[self[position].form] = position }
                        } else {
                            positions[form] = index
                        }
                    }
                }
                if preferredPosition < 0, isPreferredAsWritten { preferredPosition = Int32(index) }
                guard preferredPosition != index else { return }
                var kept = match
                kept.alternatives = []
                if index == 0 { first.kept.append(kept) } else { others[index - 1].kept.append(kept) }
            }

            private func position(of form: Form) -> Int? {
                if formCount > Self.searchLimit { return positions[form] }
                if formCount > 0, first.form == form { return 0 }
                return others.firstIndex { $0.form == form }.map { $0 + 1 }
            }
        }

        init(path: String, glossary: Glossary) {
            self.path = path
            self.glossary = glossary
        }

        /// Counts the chunk's matches by form and keeps those that may be reported; reports
        /// nothing yet (which form is the odd one out is known only at the end).
        ///
        /// - Complexity: O(*m*) in the chunk's matches.
        mutating func add(_ document: AnalyzedDocument) -> [Finding] {
            for match in document.matchesInParagraphLanguage {
                defer { previous = (match.term.concept, match.bytes.upperBound) }
                guard let (index, isPreferred) = group(of: match.term, facts: match.termFacts) else { continue }
                if let previous, match.isGloss(ofConcept: previous.concept, endingAt: previous.end) { continue }
                let spelling = match.phenomena.contains(.spelling) ? spellingIndex(match.written.lowercasedFast()) : -1
                let form = Form(concept: Int32(match.term.concept), term: Int32(match.term.term), spelling: spelling)
                groups[index].add(match, form: form, isPreferredAsWritten: isPreferred && spelling < 0)
            }
            return []
        }

        /// The position of `spelling` in `spellings`, added when new.
        private mutating func spellingIndex(_ spelling: String) -> Int32 {
            if let known = spellingIndices[spelling] { return known }
            let index = Int32(spellings.count)
            spellings.append(spelling)
            spellingIndices[spelling] = index
            return index
        }

        /// The group of the concept and language of `reference`, made when first needed, and
        /// whether the term is preferred; nil for an acronym, which is not compared.
        ///
        /// The term's `facts`, when the matcher gave them, spare reading its concept in the
        /// glossary model (which, from the cache, would keep the concept decoded).
        private mutating func group(
            of reference: TermReference, facts given: TermMatch.TermFacts?
        ) -> (group: Int, isPreferred: Bool)? {
            if let known = termGroups[reference] { return known }
            let facts: TermMatch.TermFacts
            if let given {
                facts = given
            } else {
                let term = glossary[term: reference]
                facts = TermMatch.TermFacts(status: term.status, language: term.language, isAbbreviated: term.type.isAbbreviated)
            }
            var result: (group: Int, isPreferred: Bool)?
            if !facts.isAbbreviated {
                let key = GroupKey(language: facts.language, concept: reference.concept)
                let index: Int
                if let found = groupIndex[key] {
                    index = found
                } else {
                    index = groups.count
                    groups.append(Group())
                    groupIndex[key] = index
                }
                result = (index, facts.status == .preferred)
            }
            termGroups[reference] = result
            return result
        }

        /// Reports the kept matches of every concept named in two or more ways, in text order.
        ///
        /// - Complexity: O(*k* log *k*) in the kept matches.
        mutating func finish() -> [Finding] {
            var findings: [Finding] = []
            for group in groups {
                guard group.formCount >= 2 else { continue }
                let forms = (0..<group.formCount).map { group[$0] }
                // The form to keep: a preferred term as written, else the most used (first on a tie).
                let expectedIndex =
                    group.preferred ?? forms.indices.max {
                        forms[$0].count < forms[$1].count || (forms[$0].count == forms[$1].count && $0 > $1)
                    }!
                let expected = forms[expectedIndex].form.reference
                let concept = glossary[concept: expected]
                let language = glossary[term: expected].language
                let expectedText = glossary[term: expected].text
                let counts = forms.map { record -> String in
                    let shown =
                        record.form.spelling >= 0
                        ? spellings[Int(record.form.spelling)] : glossary[term: record.form.reference].text
                    return "'\(shown)' ×\(record.count)"
                }.joined(separator: ", ")
                let isPreferred = group.preferred != nil
                let preferred = concept.preferredTerms(in: language).map(\.text)
                let advice =
                    "use '\(expectedText)'"
                    + (isPreferred
                        ? " (preferred)"
                        : " (most used)"
                            + (preferred.isEmpty
                                ? "" : "; the preferred term is " + preferred.map { "'\($0)'" }.joined(separator: " or ")))
                let message =
                    "concept '\(concept.id)' is named in \(forms.count) ways in this \(language) text (\(counts)); "
                    + advice
                for (index, record) in forms.enumerated() where index != expectedIndex {
                    let term = glossary[term: record.form.reference]
                    for match in record.kept {
                        let written = match.written
                        // A fix never replaces a term the glossary approves (`Fixer`).
                        let fix =
                            record.form.spelling < 0 && !term.status.isAcceptable
                            ? match.replacement(
                                written: written, term: term.text, preferred: expectedText,
                                atSentenceStart: match.lookBehind.startsSentence)
                            : nil
                        findings.append(
                            Finding(
                                at: match, path: path, glossary: glossary, rule: InconsistentTermRule.description.id,
                                severity: InconsistentTermRule.description.defaultSeverity, message: message,
                                suggestions: [expectedText], fix: fix, note: term.note))
                    }
                }
            }
            groups = []
            groupIndex = [:]
            termGroups = [:]
            spellings = []
            spellingIndices = [:]
            return findings.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }
        }
    }
}
