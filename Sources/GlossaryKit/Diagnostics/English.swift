/// The small pieces of English grammar that messages and help texts need, in one place so that
/// every message gets them right.
package enum English {
    /// `a`, `a or b`, `a, b or c`: `items` joined with commas and `conjunction` ("or", "and")
    /// before the last.
    package static func list(_ items: [String], _ conjunction: String) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
