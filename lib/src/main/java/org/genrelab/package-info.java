/** GenreLab: music genre classification experiments of the 2020 FMA-small study, in Java. */
package org.genrelab;
