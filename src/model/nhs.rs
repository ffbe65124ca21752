//! The NHS number's modulus 11 check: weights 10 down to 2 on the first
//! nine digits; 11 minus the remainder is the tenth digit (11 counts as 0,
//! and 10 means the number can never be valid).

/// The number in its usual groups ("943 476 5919"), or why it is not a
/// valid NHS number, in words a chair can act on.
pub fn check_nhs_number(text: &str) -> Result<String, String> {
    let typed = text.trim();
    let digits: Vec<u32> = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_digit(10).ok_or(c))
        .collect::<Result<_, _>>()
        .map_err(|c| format!("\"{typed}\" is not an NHS number: \"{c}\" is not a digit"))?;
    if digits.len() != 10 {
        return Err(format!(
            "\"{typed}\" is not an NHS number: it has {} digits, not 10",
            digits.len()
        ));
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => 0,
        10 => {
            return Err(format!(
                "\"{typed}\" is not an NHS number: no check digit fits its first nine digits"
            ));
        }
        n => n,
    };
    if digits[9] != expected {
        return Err(format!(
            "\"{typed}\" is not a valid NHS number: its check digit (the last) should be \
             {expected}, not {}; check it was copied correctly",
            digits[9]
        ));
    }
    let s: String = digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect();
    Ok(format!("{} {} {}", &s[..3], &s[3..6], &s[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_numbers() {
        assert_eq!(check_nhs_number("943 476 5919").unwrap(), "943 476 5919");
        assert_eq!(check_nhs_number("9434765919").unwrap(), "943 476 5919");
        assert_eq!(check_nhs_number(" 943-476-5919 ").unwrap(), "943 476 5919");
        let err = check_nhs_number("943 476 5918").unwrap_err();
        assert!(
            err.contains("check digit (the last) should be 9, not 8"),
            "{err}"
        );
    }

    #[test]
    fn wrong_shapes_say_why() {
        assert!(
            check_nhs_number("943 476 591")
                .unwrap_err()
                .contains("9 digits, not 10")
        );
        assert!(
            check_nhs_number("943 476 591x")
                .unwrap_err()
                .contains("\"x\" is not a digit")
        );
        // 000 000 006: 6 x 2 = 12, remainder 1, so the check would be 10.
        assert!(
            check_nhs_number("000 000 0060")
                .unwrap_err()
                .contains("no check digit fits")
        );
    }

    #[test]
    fn a_remainder_of_zero_means_check_digit_zero() {
        // 11 - 0 is 11, which counts as 0.
        assert_eq!(check_nhs_number("0000000000").unwrap(), "000 000 0000");
    }
}
