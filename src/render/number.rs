//! The one way numbers are written into the drawing: two decimals at most, trailing zeros
//! dropped, never `-0`, never `NaN`. Every coordinate goes through [`num`], so the same
//! layout always gives the same bytes.

/// Formats a number with at most two decimals, without trailing zeros and without `-0`.
/// A number that is not finite (which a correct layout never produces) is written `0`,
/// so that a bad value cannot make the SVG unreadable.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let mut s = format!("{:.2}", x);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".into() } else { s }
}

/// Formats a point as `x,y`.
pub fn pt(x: f64, y: f64) -> String {
    format!("{},{}", num(x), num(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_precision_without_trailing_zeros() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(1.234_567), "1.23");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(-2.25), "-2.25");
    }

    #[test]
    fn never_negative_zero_or_nan() {
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn points() {
        assert_eq!(pt(1.0, -0.0), "1,0");
    }
}
