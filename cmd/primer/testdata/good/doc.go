// Package good is a section written for primer's tests.
//
// # A heading
//
// A paragraph with a doc link to [fmt.Println].
package good
