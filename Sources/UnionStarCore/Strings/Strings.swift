/// The one place every user-facing text lives, in Chinese and English.
public enum Strings {}
