//! Dates in the config file. TOML has a date type (`2026-12-24`, no
//! quotes); chrono's own serde wants a string, so bridge the two here. A
//! quoted "2026-12-24" is accepted too, as an administrator may well write it.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serializer};
use toml::value::{Date, Datetime};

const HOW: &str = "use a date like 2026-12-24";

fn from_datetime(dt: Datetime) -> Result<NaiveDate, String> {
    match dt {
        Datetime {
            date: Some(d),
            time: None,
            offset: None,
        } => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            .ok_or_else(|| format!("{d} is not a real date")),
        Datetime { date: Some(_), .. } => Err(format!("{dt} has a time of day: {HOW}")),
        _ => Err(format!("{dt} is a time, not a date: {HOW}")),
    }
}

// Errors must be raised inside the visitor, while the parser is still on
// the element, so that they carry its line and column.
struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date like 2026-12-24")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| E::custom(format!("\"{s}\" is not a date: {HOW}")))
    }

    // toml hands its date values to serde as a one-entry map.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NaiveDate, A::Error> {
        let dt = Datetime::deserialize(MapAccessDeserializer::new(map))?;
        from_datetime(dt).map_err(de::Error::custom)
    }
}

fn to_toml(d: NaiveDate) -> Option<Datetime> {
    Some(Datetime {
        date: Some(Date {
            year: u16::try_from(d.year()).ok().filter(|y| *y <= 9999)?,
            month: u8::try_from(d.month()).ok()?,
            day: u8::try_from(d.day()).ok()?,
        }),
        time: None,
        offset: None,
    })
}

struct OneDate(NaiveDate);

impl<'de> Deserialize<'de> for OneDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor).map(OneDate)
    }
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Ok(Vec::<OneDate>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

pub(super) fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(dates.len()))?;
    for d in dates {
        match to_toml(*d) {
            Some(t) => seq.serialize_element(&t)?,
            // Outside TOML's years 0..=9999: cannot be written as a date.
            None => seq.serialize_element(&d.to_string())?,
        }
    }
    seq.end()
}
