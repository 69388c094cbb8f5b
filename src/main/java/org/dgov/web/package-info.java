/**
 * What people and linked-data clients read: the home page with the coverage matrix, resource pages
 * and their RDF documents ({@code /id/}, {@code /doc/}), the ontology, named queries, search, VoID
 * and the service description, dumps and the SPARQL editor. {@link org.dgov.web.UrlLayout} is the
 * one place that maps IRIs to paths; {@link org.dgov.web.ContentNegotiation} chooses formats. Pages
 * read the served graph only; they never write. Their HTML comes from the jte templates in {@code
 * src/main/jte}, compiled into this package by the build: the servlets prepare plain records and
 * the templates lay them out, escaping every value.
 */
package org.dgov.web;
