/// Points at one term of one concept in a `Glossary`.
public struct TermReference: Hashable, Sendable, Comparable {
    /// Index into `Glossary.concepts`.
    public var concept: Int
    /// Index into that concept's `terms`.
    public var term: Int

    /// The term at index `term` of the concept at index `concept`.
    public init(concept: Int, term: Int) {
        self.concept = concept
        self.term = term
    }

    /// Orders by concept, then by term within a concept.
    public static func < (lhs: TermReference, rhs: TermReference) -> Bool {
        (lhs.concept, lhs.term) < (rhs.concept, rhs.term)
    }
}

extension Glossary {
    /// The concept a reference points at.
    public subscript(concept reference: TermReference) -> Concept { concepts[reference.concept] }

    /// The term a reference points at.
    public subscript(term reference: TermReference) -> Term { concepts[reference.concept].terms[reference.term] }
}
