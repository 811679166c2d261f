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
    // Layout coordinates are mostly whole or in hundredths: when `x * 100` is a whole
    // number, it is the nearest hundredth to `x` (the product is off by at most half a
    // unit in the last place, far from a rounding boundary), and integer digits give the
    // same text as `{:.2}` without the float formatting machinery, which dominated the
    // drawing of large families.
    let hundredths = x * 100.0;
    if hundredths.abs() < 1e15 && hundredths == hundredths.trunc() {
        return from_hundredths(hundredths as i64);
    }
    slow(x)
}

/// A whole number of hundredths as text: `-1234` is `-12.34`, `150` is `1.5`.
fn from_hundredths(n: i64) -> String {
    use std::fmt::Write;
    let a = n.unsigned_abs();
    let mut s = String::with_capacity(12);
    if n < 0 {
        s.push('-');
    }
    let _ = write!(s, "{}", a / 100);
    let frac = a % 100;
    if frac != 0 {
        s.push('.');
        s.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            s.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    s
}

/// The general case, through the standard formatting.
fn slow(x: f64) -> String {
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
    fn the_fast_path_writes_what_the_general_case_writes() {
        let mut v: f64 = 0.0;
        let mut seed: u64 = 7;
        for i in 0..200_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = (seed >> 11) as f64 / (1u64 << 53) as f64;
            v = match i % 4 {
                0 => (r - 0.5) * 2e4,
                1 => ((r - 0.5) * 2e6).round() / 100.0,
                2 => ((r - 0.5) * 2e4).round() / 4.0,
                _ => v + 0.005,
            };
            assert_eq!(num(v), slow(v), "{v:?}");
        }
        for v in [
            0.0, -0.0, 0.01, -0.01, 0.1, -0.1, 0.005, 1.005, 2.675, 1e14, -1e14, 0.29,
        ] {
            assert_eq!(num(v), slow(v), "{v:?}");
        }
    }

    #[test]
    fn points() {
        assert_eq!(pt(1.0, -0.0), "1,0");
    }
}
