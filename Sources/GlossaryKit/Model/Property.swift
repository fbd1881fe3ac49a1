/// A piece of terminological data the model has no dedicated field for.
///
/// Importers keep such data here (a TBX `descrip` of an unknown type, a CSV column) so that an
/// export can write it back and nothing is lost on a round trip.
public struct Property: Hashable, Sendable {
    /// The data category's name, e.g. `context`, `source`, `customer`.
    public var name: String
    /// The value as text.
    public var value: String
    /// The language the value is written in, when it is not the term's or the concept's.
    public var language: LanguageTag?

    /// A property `name` with `value`, for `language` when it belongs to one.
    public init(name: String, value: String, language: LanguageTag? = nil) {
        self.name = name
        self.value = value
        self.language = language
    }
}
