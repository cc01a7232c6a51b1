package com.fortinet.marketplace.admin;

/** One tile of the admin index page. Features declare their own as beans, so this package needn't know them. */
public record AdminLink(int order, String title, String href, String description) {
}
