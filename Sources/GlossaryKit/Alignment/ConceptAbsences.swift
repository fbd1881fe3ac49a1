/// Which versions of a translation set leave out a concept that other versions name: the analysis
/// behind `missing-translation` and `divergent-term`, and behind the gaps of `glossary coverage`,
/// so that a gap in the table and a finding of `check` are one and the same thing.
extension AnalyzedCorpus {
    /// A concept that one version of a translation set does not name and others do.
    public struct Absence: Sendable, Hashable {
        /// What the other versions say about the absence.
        public enum Kind: Sendable, Hashable {
            /// The source names the concept, or — for undirected versions — at least half of the
            /// versions that can name it do: most likely it was left out here.
            case omission
            /// Fewer than half of the undirected versions that can name it do: it was left out
            /// here, or added there, as likely as not.
            case divergence
        }

        /// The concept's index in the glossary.
        public var concept: Int
        /// The language of the version that does not name it.
        public var language: LanguageTag
        /// That version's segments in the set; a finding goes on the first.
        public var members: [SegmentReference]
        /// The versions this one is compared with that name the concept: the source, for a
        /// directed set; else every other version that names it, in set order.
        public var namedIn: [LanguageTag]
        /// The versions of the set that can name the concept: those in a language the glossary
        /// has a term of the concept in.
        public var versionCount: Int
        /// Whether the concept is missing from a version most others name it in, or named in one
        /// version alone.
        public var kind: Kind
    }

    /// The absences in one translation set, version by version (in set order), then by concept
    /// (in glossary order).
    ///
    /// A version is the set's segments in one language. A directed set (the corpus's source
    /// language is among its versions) compares each target with the source only: a target may
    /// name more than its source, so what the source does not name is never an absence. An
    /// undirected set compares every version with all the others. Only concepts the glossary has
    /// an approved term for in the version's language are reported absent (there is something to
    /// write there), and only versions in a language the glossary has some term of the concept in
    /// are counted (the others cannot show it either way). The set's confidence is not looked
    /// at: the callers decide what an absence in a doubtful pairing is worth.
    ///
    /// - Complexity: O(*m* + *v*·*c*) in the set's matches, versions and named concepts.
    public func absences(in set: TranslationSet) -> [Absence] {
        let byLanguage = membersByLanguage(of: set)
        guard byLanguage.count >= 2 else { return [] }
        let named = byLanguage.map { Set(conceptCounts($0.members).keys) }
        let source = sourceLanguage.flatMap { source in byLanguage.firstIndex { $0.language == source } }
        var result: [Absence] = []
        for (index, version) in byLanguage.enumerated() where index != source {
            let others = source.map { [$0] } ?? byLanguage.indices.filter { $0 != index }
            var absent: Set<Int> = []
            for other in others { absent.formUnion(named[other].subtracting(named[index])) }
            for concept in absent.sorted() {
                let entry = glossary.concepts[concept]
                guard entry.terms(in: version.language).contains(where: \.status.isAcceptable) else { continue }
                let namedIn = others.filter { named[$0].contains(concept) }.map { byLanguage[$0].language }
                let versionCount = byLanguage.filter { !entry.terms(in: $0.language).isEmpty }.count
                let kind: Absence.Kind = source != nil || 2 * namedIn.count >= versionCount ? .omission : .divergence
                result.append(
                    Absence(
                        concept: concept, language: version.language, members: version.members,
                        namedIn: namedIn, versionCount: versionCount, kind: kind))
            }
        }
        return result
    }
}
