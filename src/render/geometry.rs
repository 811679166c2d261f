//! Polyline arithmetic for drawing along routed lines: length, the point at a distance,
//! a parallel copy, a piece between two distances, and cutting an end out of a symbol.

/// A point.
pub type P = [f64; 2];

/// Drops repeated points, so that every segment has a direction.
pub fn dedup(points: &[P]) -> Vec<P> {
    let mut out: Vec<P> = Vec::with_capacity(points.len());
    for &p in points {
        if p.iter().any(|v| !v.is_finite()) {
            continue;
        }
        if out
            .last()
            .is_none_or(|q| (q[0] - p[0]).hypot(q[1] - p[1]) > 1e-6)
        {
            out.push(p);
        }
    }
    out
}

/// Total length.
pub fn length(points: &[P]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
        .sum()
}

/// The point at distance `d` from the start, and the unit direction there.
pub fn at(points: &[P], d: f64) -> (P, P) {
    let mut left = d.max(0.0);
    for w in points.windows(2) {
        let l = (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
        if l <= 0.0 {
            continue;
        }
        let u = [(w[1][0] - w[0][0]) / l, (w[1][1] - w[0][1]) / l];
        if left <= l {
            return ([w[0][0] + u[0] * left, w[0][1] + u[1] * left], u);
        }
        left -= l;
    }
    // Past the end: the last point, with the last direction.
    let n = points.len();
    if n >= 2 {
        let (a, b) = (points[n - 2], points[n - 1]);
        let l = (b[0] - a[0]).hypot(b[1] - a[1]).max(1e-9);
        (b, [(b[0] - a[0]) / l, (b[1] - a[1]) / l])
    } else {
        (points.first().copied().unwrap_or([0.0, 0.0]), [1.0, 0.0])
    }
}

/// The piece of the polyline between distances `from` and `to`.
pub fn piece(points: &[P], from: f64, to: f64) -> Vec<P> {
    let mut out = vec![at(points, from).0];
    let mut walked = 0.0;
    for w in points.windows(2) {
        walked += (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
        if walked > from && walked < to {
            out.push(w[1]);
        }
    }
    out.push(at(points, to).0);
    dedup(&out)
}

/// A parallel copy at distance `d` to the left of the direction of travel (right when
/// negative), with mitred corners (capped, so that a sharp turn stays near the line).
pub fn offset(points: &[P], d: f64) -> Vec<P> {
    let pts = dedup(points);
    if pts.len() < 2 || d == 0.0 {
        return pts;
    }
    let normals: Vec<P> = pts
        .windows(2)
        .map(|w| {
            let l = (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
            [-(w[1][1] - w[0][1]) / l, (w[1][0] - w[0][0]) / l]
        })
        .collect();
    let mut out = Vec::with_capacity(pts.len());
    for (i, p) in pts.iter().enumerate() {
        let n = if i == 0 {
            normals[0]
        } else if i == pts.len() - 1 {
            normals[i - 1]
        } else {
            let (a, b) = (normals[i - 1], normals[i]);
            let m = [a[0] + b[0], a[1] + b[1]];
            let dot = (m[0] * a[0] + m[1] * a[1]).max(0.35);
            [m[0] / dot, m[1] / dot]
        };
        out.push([p[0] + n[0] * d, p[1] + n[1] * d]);
    }
    out
}

/// Cuts the start of the polyline where it lies inside the box of half-size `half` around
/// `c`, so that a line drawn from a person's centre starts at the edge of the symbol.
pub fn trim_start(points: &[P], c: P, half: f64) -> Vec<P> {
    let inside = |p: P| (p[0] - c[0]).abs() < half && (p[1] - c[1]).abs() < half;
    let pts = dedup(points);
    if pts.len() < 2 || !inside(pts[0]) {
        return pts;
    }
    for i in 0..pts.len() - 1 {
        let (a, b) = (pts[i], pts[i + 1]);
        if inside(b) {
            continue;
        }
        // Leave the box: the smallest t at which a coordinate reaches the edge.
        let mut t: f64 = 1.0;
        for k in 0..2 {
            let dv = b[k] - a[k];
            if dv.abs() > 1e-9 {
                let edge = if dv > 0.0 { c[k] + half } else { c[k] - half };
                let tk = (edge - a[k]) / dv;
                if (0.0..=1.0).contains(&tk) {
                    t = t.min(tk);
                }
            }
        }
        let mut out = vec![[a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]];
        out.extend_from_slice(&pts[i + 1..]);
        return dedup(&out);
    }
    // Wholly inside: nothing to draw.
    Vec::new()
}

/// [`trim_start`] at both ends.
pub fn trim(points: &[P], a: Option<(P, f64)>, b: Option<(P, f64)>) -> Vec<P> {
    let mut pts = dedup(points);
    if let Some((c, h)) = a {
        pts = trim_start(&pts, c, h);
    }
    if let Some((c, h)) = b {
        pts.reverse();
        pts = trim_start(&pts, c, h);
        pts.reverse();
    }
    pts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_and_length() {
        let l = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(length(&l), 20.0);
        assert_eq!(at(&l, 15.0), ([10.0, 5.0], [0.0, 1.0]));
    }

    #[test]
    fn offset_of_an_elbow() {
        let l = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        let o = offset(&l, -2.0);
        assert_eq!(o, vec![[0.0, -2.0], [12.0, -2.0], [12.0, 10.0]]);
    }

    #[test]
    fn trim_cuts_at_the_box_edge() {
        let l = [[0.0, 0.0], [100.0, 0.0]];
        let t = trim(&l, Some(([0.0, 0.0], 24.0)), Some(([100.0, 0.0], 24.0)));
        assert_eq!(t, vec![[24.0, 0.0], [76.0, 0.0]]);
    }

    #[test]
    fn piece_between_distances() {
        let l = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(
            piece(&l, 5.0, 15.0),
            vec![[5.0, 0.0], [10.0, 0.0], [10.0, 5.0]]
        );
    }
}
