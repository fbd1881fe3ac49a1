import Foundation
import Testing

@testable import GlossaryKit

@Suite("Trimming white space")
struct TrimmingTests {
    /// The trimming of CSV fields and of notes in the language server removes what Foundation's
    /// `whitespacesAndNewlines` removes, at both ends and nowhere else.
    @Test(arguments: [
        "", " ", "note", "  note\n", "\t\r\nnote with  inner space\u{2028}", "\u{00A0}\u{3000}catatan\u{0085}",
        "\u{200B}zero width\u{200B}", "e\u{0301} ", " 😀",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmedOfWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
