//! The one way numbers are written into the drawing: two decimals at most, trailing zeros
//! dropped, never `-0`, never `NaN`. Every coordinate goes through [`num`], so the same
//! layout always gives the same bytes.

/// Formats a number with at most two decimals, without trailing zeros and without `-0`.
/// A number that is not finite (which a correct layout never produces) is written `0`,
/// so that a bad value cannot make the SVG unreadable.
pub fn num(x: f64) -> String {
    let mut s = String::with_capacity(12);
    push_num(&mut s, x);
    s
}

/// Appends what [`num`] gives for `x` to `out`, without allocating: the drawing of a large
/// family writes millions of numbers.
pub fn push_num(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push('0');
        return;
    }
    // Layout coordinates are mostly whole or in hundredths: when `x * 100` is a whole
    // number, it is the nearest hundredth to `x` (the product is off by at most half a
    // unit in the last place, far from a rounding boundary), and integer digits give the
    // same text as `{:.2}` without the float formatting machinery, which dominated the
    // drawing of large families.
    //
    // Sums of such numbers (`x + 5.4`) land a rounding error away from a hundredth. Below
    // 1e9 the product is off by less than 1e-7, so a product within 1e-6 of a whole number
    // puts `x` within 1.2e-8 of that hundredth: nowhere near halfway to the next, so `{:.2}`
    // (which rounds the exact value) gives that hundredth too.
    let hundredths = x * 100.0;
    if hundredths.abs() < 1e15 {
        // The nearest whole number, halves away from zero as `f64::round` (which is a
        // library call on the baseline x86-64 target, and this runs millions of times).
        let whole = hundredths as i64;
        let nearest = match hundredths - whole as f64 {
            f if f >= 0.5 => whole + 1,
            f if f <= -0.5 => whole - 1,
            _ => whole,
        };
        let off = hundredths - nearest as f64;
        if off == 0.0 || (hundredths.abs() < 1e9 && off.abs() < 1e-6) {
            push_hundredths(out, nearest);
            return;
        }
    }
    push_slow(out, x);
}

/// Appends a whole number in decimal digits, with `-` when negative.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_digits(out, n.unsigned_abs());
}

/// A whole number of hundredths as text: `-1234` is `-12.34`, `150` is `1.5`.
fn push_hundredths(out: &mut String, n: i64) {
    let a = n.unsigned_abs();
    if n < 0 {
        out.push('-');
    }
    push_digits(out, a / 100);
    let frac = (a % 100) as usize;
    if frac != 0 {
        out.push('.');
        // Two decimals, or one when the second is zero.
        let len = if frac.is_multiple_of(10) { 1 } else { 2 };
        out.push_str(&PAIRS[2 * frac..2 * frac + len]);
    }
}

/// The digits 00 to 99, two by two: numbers are most of the drawing's text, and taking
/// digits two at a time from here halves the divisions and the appends.
const PAIRS: &str = "\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The decimal digits of `n`, most significant first.
fn push_digits(out: &mut String, n: u64) {
    if n >= 100 {
        push_digits(out, n / 100);
        let pair = (n % 100) as usize * 2;
        out.push_str(&PAIRS[pair..pair + 2]);
    } else if n >= 10 {
        let pair = n as usize * 2;
        out.push_str(&PAIRS[pair..pair + 2]);
    } else {
        out.push(char::from(b'0' + n as u8));
    }
}

/// The general case, through the standard formatting, appended to `out`.
fn push_slow(out: &mut String, x: f64) {
    use std::fmt::Write;
    let start = out.len();
    let _ = write!(out, "{:.2}", x);
    if out[start..].contains('.') {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
    if &out[start..] == "-0" {
        out.truncate(start);
        out.push('0');
    }
}

/// The general case on its own, for the tests that hold the fast path to it.
#[cfg(test)]
fn slow(x: f64) -> String {
    let mut s = String::new();
    push_slow(&mut s, x);
    s
}

/// Formats a point as `x,y`.
pub fn pt(x: f64, y: f64) -> String {
    let mut s = String::with_capacity(16);
    push_pt(&mut s, x, y);
    s
}

/// Appends what [`pt`] gives for the point to `out`.
pub fn push_pt(out: &mut String, x: f64, y: f64) {
    push_num(out, x);
    out.push(',');
    push_num(out, y);
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
            v = match i % 7 {
                0 => (r - 0.5) * 2e4,
                1 => ((r - 0.5) * 2e6).round() / 100.0,
                2 => ((r - 0.5) * 2e4).round() / 4.0,
                // Sums and products of hundredths, a rounding error off a hundredth.
                3 => ((r - 0.5) * 2e4).round() / 100.0 * 0.6 + 1.5 - 5.4,
                4 => v * 0.3 + 9.0 * 0.6,
                // Hundredths a hair off, either side of the 1e-6 the fast path accepts.
                5 => ((r - 0.5) * 2e8).round() / 100.0 + (r - 0.5) * 4e-8,
                _ => v + 0.005,
            };
            assert_eq!(num(v), slow(v), "{v:?}");
        }
        for v in [
            0.0,
            -0.0,
            0.01,
            -0.01,
            0.1,
            -0.1,
            0.005,
            1.005,
            2.675,
            1e14,
            -1e14,
            0.29,
            -0.004_999_999,
            0.004_999_999_9,
            0.015,
            -0.015,
            9_999_999.995,
            1e7 - 0.004,
            0.1 + 0.2,
            5.4 * 3.0,
            -40.35 + 5.4,
        ] {
            assert_eq!(num(v), slow(v), "{v:?}");
        }
    }

    #[test]
    fn appending_writes_what_num_returns() {
        let mut out = String::from("x=");
        push_num(&mut out, -12.345);
        out.push(' ');
        push_num(&mut out, -0.0);
        out.push(' ');
        push_num(&mut out, f64::NAN);
        out.push(' ');
        push_pt(&mut out, 0.5, 100.0);
        assert_eq!(
            out,
            format!(
                "x={} {} {} {}",
                num(-12.345),
                num(-0.0),
                num(f64::NAN),
                pt(0.5, 100.0)
            )
        );
        assert!(out.ends_with(" 0 0.5,100"), "{out}");
        let mut ints = String::new();
        for n in [0, 7, -7, 1950, i64::MIN, i64::MAX] {
            push_int(&mut ints, n);
            ints.push(' ');
        }
        assert_eq!(ints, format!("0 7 -7 1950 {} {} ", i64::MIN, i64::MAX));
    }

    /// The nearest whole number of hundredths, as `{:.2}` gives it: an exact half (a value
    /// whose binary form is exactly halfway, like 1.125) goes to the even hundredth.
    #[test]
    fn halves_round_to_even_as_std_formatting_does() {
        for v in [
            0.005, -0.005, 0.015, 0.025, -0.025, 1.125, -1.125, 0.0049999, 2.5e-3,
        ] {
            assert_eq!(num(v), slow(v), "{v:?}");
        }
        assert_eq!(num(1.125), "1.12");
        assert_eq!(num(-1.125), "-1.12");
        assert_eq!(num(0.375), "0.38");
    }

    #[test]
    fn points() {
        assert_eq!(pt(1.0, -0.0), "1,0");
    }
}
