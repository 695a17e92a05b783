//! Invented pages, one per rule.

use super::*;
