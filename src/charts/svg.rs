//! A small SVG writer for the charts that are only boxes, lines, dots
//! and text on a whole-pixel grid. Cheaper than plotters on the pages that
//! draw nothing else (docs/PERFORMANCE.md).

use std::fmt::Write;

/// An SVG document written element by element, coordinates in whole pixels.
pub(crate) struct Svg(pub(crate) String);

#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Svg {
    pub(crate) fn new(width: i32, height: i32) -> Svg {
        let mut svg = Svg(String::new());
        let _ = write!(
            svg.0,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif"><rect width="{width}" height="{height}" fill="white"/>"#
        );
        svg
    }

    pub(crate) fn rect(
        &mut self,
        x: i32,
        y: i32,
        w: i32,
        h: i32,
        fill: &str,
        stroke: Option<&str>,
    ) {
        let _ = write!(
            self.0,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}""#
        );
        if let Some(stroke) = stroke {
            let _ = write!(self.0, r#" stroke="{stroke}""#);
        }
        self.0.push_str("/>");
    }

    pub(crate) fn line(&mut self, points: &[(i32, i32)], stroke: &str, width: i32) {
        self.0.push_str(r#"<polyline fill="none" points=""#);
        for (i, (x, y)) in points.iter().enumerate() {
            let _ = write!(self.0, "{}{x},{y}", if i > 0 { " " } else { "" });
        }
        let _ = write!(self.0, r#"" stroke="{stroke}" stroke-width="{width}"/>"#);
    }

    /// Text with its top (`hanging`) or middle at `y`.
    pub(crate) fn text(
        &mut self,
        (x, y): (i32, i32),
        size: i32,
        fill: &str,
        anchor: Anchor,
        middle: bool,
        text: &str,
    ) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let baseline = if middle { "central" } else { "hanging" };
        let _ = write!(
            self.0,
            r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" dominant-baseline="{baseline}">"#
        );
        super::escape_into(&mut self.0, text);
        self.0.push_str("</text>");
    }

    /// Text turned by `angle` degrees around its start at `(x, y)`.
    pub(crate) fn text_turned(&mut self, (x, y): (i32, i32), size: i32, angle: i32, text: &str) {
        let _ = write!(
            self.0,
            r##"<text x="{x}" y="{y}" font-size="{size}" fill="#1f2933" transform="rotate({angle} {x} {y})">"##
        );
        super::escape_into(&mut self.0, text);
        self.0.push_str("</text>");
    }

    pub(crate) fn circle(&mut self, (x, y): (i32, i32), r: i32, fill: &str, stroke: &str) {
        let _ = write!(
            self.0,
            r#"<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}" stroke="{stroke}"/>"#
        );
    }

    pub(crate) fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}
