/**
 * The command line: one thin picocli command per verb ({@code validate}, {@code query}, {@code
 * serve}, …), each parsing its options and calling one operation of {@code graph}, {@code store} or
 * {@code server}. Nothing here is needed to use the graph from Java.
 */
package org.dgov.cli;
