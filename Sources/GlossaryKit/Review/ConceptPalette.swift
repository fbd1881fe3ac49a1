/// The colour of each concept on the review page: one hue per concept, the same in every column,
/// the legend and the coverage table.
///
/// Hues are spread so that neighbours in the list differ clearly. A page with more concepts than
/// hues reuses them; the concept's number, printed beside every term and in the legend, tells
/// such concepts apart (and serves readers who cannot tell the colours apart at all). The
/// lightness of the backgrounds is fixed by the style sheet for light and dark mode, so the
/// text on them keeps a contrast of at least 4.5:1 whatever the hue.
package enum ConceptPalette {
    /// The hues, in degrees, in the order concepts take them.
    package static let hues = [210, 30, 130, 285, 0, 180, 55, 320, 95, 250, 15, 160]

    /// The hue of the concept numbered `number` (from 1, in order of first use on the page).
    package static func hue(ofConceptNumbered number: Int) -> Int {
        hues[(number - 1) % hues.count]
    }
}
