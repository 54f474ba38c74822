/** Code shared by two or more Aurelle services. */
package uz.aurelle.common;
