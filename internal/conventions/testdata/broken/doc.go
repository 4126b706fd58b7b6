// This package breaks the conventions.
package broken
